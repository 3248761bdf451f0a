// Label runs that look like stories and are not (docs/parsing.md "What is not a story"): a page that
// explains the method — the letters defined in the second person or as instructions — and a template
// whose sections hold only placeholders. A real story is told in the first person and says something.
import type { Section, Story } from '../model';

export type StoryKind = 'story' | 'explanation' | 'template';

/** A line that holds nothing yet: `[Your metrics]`, `<describe…>`, `___`, `…`, `TBD`, or nothing. */
const PLACEHOLDER_LINE = /^(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(?:\[[^\]]*\]|<[^>]*>|_{2,}|…+|\.{3,}|-{2,}|\?+|tbd|tba|todo|n\/a|x{3,})?[ \t]*[.:]?$/i;

// ASCII word boundaries are enough for these words and several times faster than Unicode look-arounds
// (every section of every story is checked); the few words with other letters are looked for apart.
const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|i’m|i’ve|me|my|we|we're|we’re|our|us|yo|nosotros|nuestro|nuestra|eu|meu|minha|je|j'|j’|moi|mon|nous|notre|ich|mein\w*|wir|unser\w*|io|mio|mia|noi|abbiamo|ho|ik|mijn|wij)\b|nós|我/i;
const SECOND_PERSON = /\b(?:you|your|yours|yourself|tu|usted|vous|votre|dein\w*|euer|tuo|tua|jij|jouw)\b|tú|你|您/i;
/** How instructions start: "Describe the context", "Explain what you…", "Quantify the impact". */
const INSTRUCTION =
  /^(?:describe|explain|outline|share|highlight|detail|discuss|provide|mention|include|focus|quantify|summari[sz]e|identify|define|clarify|emphasi[sz]e|specify|demonstrate|set the (?:scene|stage|context)|give (?:context|the context|background)|talk about|walk (?:through|me)|state (?:what|the|your)|show (?:how|what)|end with|close with|start with|begin with|describa|explica|explique|descreva|décrivez|décris|expliquez|beschreibe|beschreiben|erkläre|descrivi|spiega|beschrijf|描述|说明|介绍)(?!\p{L})/iu;
/** Headings of pages about the method: "What is the STAR method", "STAR Format", "PAR method (Problem, Action, Result)". */
const METHOD_HEADING = /\b(?:star|starl|car|par|soar)\b.*\b(?:method|framework|format|technique|model|structure)\b|what is (?:the )?star|breaking down|the framework in detail|how to (?:answer|use|structure|apply)/i;

/** How much of a section is read to tell what it is: its opening says it. */
const OPENING = 300;

function isPlaceholder(section: Section): boolean {
  // A placeholder is a few short lines.
  return section.text.length <= OPENING && section.text.split('\n').every((line) => PLACEHOLDER_LINE.test(line.trim()));
}

/** A section that tells the reader what to say instead of saying it (`opening` has no first-person word). */
function isInstruction(opening: string): boolean {
  return opening !== '' && (SECOND_PERSON.test(opening) || INSTRUCTION.test(opening) || /\?$/.test(opening.split('\n')[0]));
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
  let instructions = 0;
  let toldFirstHand = 0;
  for (const section of sections) {
    const opening = section.text.slice(0, OPENING).trim();
    if (FIRST_PERSON.test(opening)) toldFirstHand++;
    else if (isInstruction(opening)) instructions++;
  }
  // Told first-hand throughout: a story, whatever its heading says.
  if (instructions === 0) return 'story';
  // Under a heading about the method, one instruction and no first-hand section is enough.
  const needed = METHOD_HEADING.test(story.title) ? 1 : Math.max(2, Math.ceil(sections.length / 2));
  return instructions >= needed && toldFirstHand < instructions ? 'explanation' : 'story';
}
