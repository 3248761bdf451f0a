// Label runs that look like stories and are not (docs/parsing.md "What is not a story"): a page that
// explains the method — the letters defined in the second person or as instructions — and a template
// whose sections hold only placeholders. A real story is told in the first person and says something.
import type { Section, Story } from '../model';

export type StoryKind = 'story' | 'explanation' | 'template';

/** A line that holds nothing yet: `[Your metrics]`, `<describe…>`, `___`, `…`, `TBD`, or nothing. */
const PLACEHOLDER_LINE = /^(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(?:\[[^\]]*\]|<[^>]*>|_{2,}|…+|\.{3,}|-{2,}|\?+|tbd|tba|todo|n\/a|x{3,})?[ \t]*[.:]?$/i;

const FIRST_PERSON =
  /(?<!\p{L})(?:i|i'm|i've|i'd|i’m|i’ve|me|my|we|we're|we’re|our|us|yo|nosotros|nuestro|nuestra|eu|meu|minha|nós|je|j'|j’|moi|mon|nous|notre|ich|mein\p{L}*|wir|unser\p{L}*|io|mio|mia|noi|abbiamo|ho|ik|mijn|wij)(?!\p{L})|我/iu;
const SECOND_PERSON = /(?<!\p{L})(?:you|your|yours|yourself|tu|tú|usted|vous|votre|dein\p{L}*|euer|tuo|tua|jij|jouw)(?!\p{L})|你|您/iu;
/** How instructions start: "Describe the context", "Explain what you…", "Quantify the impact". */
const INSTRUCTION =
  /^(?:describe|explain|outline|share|highlight|detail|discuss|provide|mention|include|focus|quantify|summari[sz]e|identify|define|clarify|emphasi[sz]e|specify|demonstrate|set the (?:scene|stage|context)|give (?:context|the context|background)|talk about|walk (?:through|me)|state (?:what|the|your)|show (?:how|what)|end with|close with|start with|begin with|describa|explica|explique|descreva|décrivez|décris|expliquez|beschreibe|beschreiben|erkläre|descrivi|spiega|beschrijf|描述|说明|介绍)(?!\p{L})/iu;
/** Headings of pages about the method: "What is the STAR method", "STAR Format", "PAR method (Problem, Action, Result)". */
const METHOD_HEADING = /\b(?:star|starl|car|par|soar)\b.*\b(?:method|framework|format|technique|model|structure)\b|what is (?:the )?star|breaking down|the framework in detail|how to (?:answer|use|structure|apply)/i;

function isPlaceholder(section: Section): boolean {
  return section.text.split('\n').every((line) => PLACEHOLDER_LINE.test(line.trim()));
}

/** A section that tells the reader what to say instead of saying it. */
function isInstruction(section: Section): boolean {
  const text = section.text.slice(0, 400).trim();
  if (text === '' || FIRST_PERSON.test(text)) return false;
  return SECOND_PERSON.test(text) || INSTRUCTION.test(text) || /\?$/.test(text.split('\n')[0]);
}

const KINDS = new WeakMap<Story, StoryKind>();

/** What a run of labels that makes a story really is. */
export function storyKind(story: Story): StoryKind {
  let kind = KINDS.get(story);
  if (!kind) {
    kind = kindOf(story);
    KINDS.set(story, kind);
  }
  return kind;
}

function kindOf(story: Story): StoryKind {
  const { sections } = story;
  if (sections.length > 0 && sections.every(isPlaceholder)) return 'template';
  const instructions = sections.filter(isInstruction).length;
  const toldFirstHand = sections.filter((s) => FIRST_PERSON.test(s.text.slice(0, 400))).length;
  // Under a heading about the method, one instruction and no first-hand section is enough.
  const needed = METHOD_HEADING.test(story.title) ? 1 : Math.max(2, Math.ceil(sections.length / 2));
  return instructions >= needed && toldFirstHand < instructions ? 'explanation' : 'story';
}
