// A fast-check grammar of story-bank Markdown: headings, STAR labels in every form (heading, bold
// paragraph, inline `**Label:**`, bullet), lists, code fences (closed and not), HTML, comments and
// directives, front matter, tables, follow-up sections, metrics, emoji, right-to-left text,
// combining marks, lone surrogates, mojibake, and every kind of line ending (LF, CRLF, CR, mixed).
// Shared by the fuzz test and the fix-safety test.
import fc from 'fast-check';

/** Seed and run counts: fixed for `npm run test:unit`; `npm run fuzz` sets STAR_FUZZ_SEED and STAR_FUZZ_SCALE (a multiplier). */
export const FUZZ_SEED = 20261125;
export function fuzzRuns(base: number): number {
  const scale = Number(process.env.STAR_FUZZ_SCALE ?? 1);
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
export function fuzzSeed(): number {
  const seed = Number(process.env.STAR_FUZZ_SEED);
  return Number.isInteger(seed) ? seed : FUZZ_SEED;
}

const LABEL_WORDS = [
  'Situation', 'SITUATION', 'Context', 'Background', 'The Setup', 'Scenario',
  'Task', 'TASK', 'Goal', 'Objective', 'My Role', 'Obstacle',
  'Action', 'Actions', 'Approach', 'Steps Taken', 'What I did', 'Solution', 'Implementation',
  'Result', 'Results', 'RESULT', 'Outcome', 'Impact', 'The Impact',
  'Learning', 'Lessons Learned', 'Takeaways', 'Reflection',
  'Challenge', 'The Problem', 'Problem',
];
const NOT_LABELS = ['Business Impact', 'Key Metrics', 'Initial challenges', 'Results so far', 'Action items', 'Overview', 'Notes'];

const WORDS = [
  'I', 'we', 'the', 'team', 'shipped', 'migrated', 'a', 'service', 'in', 'two', 'weeks', 'and', 'our', 'latency',
  'significantly', 'greatly', 'improved', 'customer', 'outage', 'on-call', 'Q3', '2023', 'rolled', 'back',
  'café', 'naïve', 'Straße', 'données', 'ведущий', '数据', 'デプロイ', 'שלום', 'مرحبا', '🎯', '🚀', '👩🏽‍💻', '🇫🇷',
  'e\u0301', 'a\u0308\u0301', '\u200f', '\u202e', '\u00a0', '\t', 'â†’', 'ðŸŽ¯', 'â€™', '‚Üí', '\uFFFD',
  '\uD800', '\uDFFF', '\uDBFF\uDFFF', '`code`', '*em*', '**strong**', '[link](http://x.y)', '<b>x</b>', '&amp;', '\\*',
];
const METRICS = [
  '40 min → 5 min (88% faster)', '$50K → $40K (50% reduction)', 'from 200 ms to 150 ms (25% faster)',
  '1.8 s → 420 ms', '3x faster', 'from 12% to 4% (8 points lower)', '1-2 per week → 8-10', 'zero incidents',
  'doubled the throughput', '99.9% → 99.99%', 'cut costs by 30%', '40 â†’ 5 (88% faster)',
];
const TIMING = ['', '', ' (30 seconds)', ' (Context Setting - 30 seconds)', ' (90-120 seconds)', ' (2-3 minutes)', ' (15s)', ' - 30 seconds'];
const PREFIX = ['', '', '', '1. ', 'Step 2: ', 'S – ', '(S) ', '🎯 ', '📌 '];

const word = fc.constantFrom(...WORDS, ...WORDS.slice(0, 24));
const phrase = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
const sentence = fc.oneof(
  { weight: 4, arbitrary: phrase },
  { weight: 1, arbitrary: fc.tuple(phrase, fc.constantFrom(...METRICS)).map(([p, m]) => `${p} ${m}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
);

const labelText = fc
  .tuple(fc.constantFrom(...PREFIX), fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...LABEL_WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...NOT_LABELS) }), fc.constantFrom(...TIMING))
  .map(([p, w, t]) => `${p}${w}${t}`);

/** Ways to write a label and its content: the four forms of DESIGN §3, their variants, and near misses. */
const LABEL_FORMS = {
  heading: (label: string, content: string, depth: number) => `${'#'.repeat(depth)} ${label}\n${content}`,
  setext: (label: string, content: string) => `${label}\n${'-'.repeat(Math.max(3, label.length))}\n${content}`,
  boldParagraph: (label: string, content: string) => `**${label}**\n${content}`,
  inline: (label: string, content: string) => `**${label}:** ${content}`,
  colonOutside: (label: string, content: string) => `**${label}**: ${content}`,
  bullet: (label: string, content: string) => `- **${label}:** ${content}`,
  bulletWithNested: (label: string, content: string) => `* **${label}**\n  ${content}\n  - **Result:** nested ${content}`,
  underscores: (label: string, content: string) => `__${label}:__ ${content}`,
  empty: (label: string) => `**${label}:**`,
  numbered: (label: string, content: string) => `1. **${label}:** ${content}`,
};
type LabelForm = keyof typeof LABEL_FORMS;
const ALL_FORMS = Object.keys(LABEL_FORMS) as LabelForm[];
/** Forms a whole story is written in (one form per story, as people write them). */
const STORY_FORMS: LabelForm[] = ['heading', 'boldParagraph', 'inline', 'bullet', 'colonOutside', 'setext'];

/** One STAR label with its content, in any form. */
const labelBlock = fc
  .tuple(labelText, fc.constantFrom(...ALL_FORMS), sentence, fc.integer({ min: 2, max: 6 }))
  .map(([label, form, content, depth]) => LABEL_FORMS[form](label, content, depth));

const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(phrase, fc.constantFrom('STAR', 'STAR Method', 'Sample Answer', 'Follow-up Questions', 'Q11: "Tell me about a time you failed"', 'Story 1: Launch (2-3 minutes)'))).map(([d, t]) => `${'#'.repeat(d)} ${t}`);
const setextHeading = fc.tuple(phrase, fc.constantFrom('=', '-')).map(([t, c]) => `${t}\n${c.repeat(3)}`);
const list = fc.array(fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '  - ', '    - ', '- [ ] '), sentence).map(([m, s]) => `${m}${s}`), { minLength: 1, maxLength: 5 }).map((items) => items.join('\n'));
const codeFence = fc.tuple(fc.constantFrom('```', '~~~', '````', '```js'), fc.array(fc.oneof(labelBlock, sentence), { maxLength: 3 }), fc.boolean()).map(([f, body, closed]) => `${f}\n${body.join('\n')}${closed ? `\n${f.replace(/[a-z]+$/, '')}` : ''}`);
const indentedCode = labelBlock.map((b) => b.split('\n').map((l) => `    ${l}`).join('\n'));
const html = fc.oneof(
  labelBlock.map((b) => `<div>\n${b}\n</div>`),
  fc.constantFrom('<!-- star-story -->', '<!-- star-stories-disable STAR005 -->', '<!-- star-stories-enable -->', '<!-- star-stories-disable-next-line STAR008 -->', '<!-- star-stories-disable-file -->', '<!-- unclosed comment', '<script>alert(1)</script>', '<details><summary>**Situation:**</summary>x</details>', '<br/>'),
);
const table = fc.array(sentence, { minLength: 2, maxLength: 4 }).map((cells) => `| ${cells.map((c) => c.replace(/[|\r\n]/g, ' ')).join(' | ')} |\n|${cells.map(() => '---').join('|')}|\n| **Situation:** | **Result:** 40% |`);
const blockquote = fc.oneof(sentence, labelBlock).map((s) => s.split('\n').map((l) => `> ${l}`).join('\n'));
const meta = fc.constantFrom('Tags: leadership, conflict', 'Question: Tell me about a time you disagreed?', 'Q: What would you do differently?', '---', '***', '');
const followUps = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((qs) => `### Follow-up Questions\n${qs.map((q) => `- Q: ${q}?`).join('\n')}\n**Situation:** inside follow-ups`);

/** A whole story in one label form, so that fuzzed documents hold stories often enough to lint. */
export const storyArbitrary = fc
  .tuple(
    phrase.map((t) => `## ${t}`),
    fc.tuple(fc.shuffledSubarray(['Situation', 'Task', 'Action', 'Result'], { minLength: 3, maxLength: 4 }), fc.boolean(), fc.boolean())
      .map(([roles, learning, inOrder]) => {
        const order = ['Situation', 'Task', 'Action', 'Result'];
        const sorted = inOrder ? [...roles].sort((a, b) => order.indexOf(a) - order.indexOf(b)) : roles;
        return learning ? [...sorted, 'Learning'] : sorted;
      }),
    fc.constantFrom(...STORY_FORMS),
    fc.array(sentence, { minLength: 5, maxLength: 5 }),
    fc.boolean(),
  )
  .map(([title, roles, form, contents, upper]) => {
    const parts = roles.map((role, i) => LABEL_FORMS[form](upper ? role.toUpperCase() : role, contents[i], 3));
    return `${title}\n\n${parts.join(form === 'inline' || form === 'bullet' ? '\n' : '\n\n')}`;
  });

const block = fc.oneof(
  { weight: 6, arbitrary: labelBlock },
  { weight: 3, arbitrary: sentence },
  { weight: 3, arbitrary: heading },
  { weight: 1, arbitrary: setextHeading },
  { weight: 2, arbitrary: list },
  { weight: 1, arbitrary: codeFence },
  { weight: 1, arbitrary: indentedCode },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: blockquote },
  { weight: 1, arbitrary: meta },
  { weight: 1, arbitrary: followUps },
  { weight: 2, arbitrary: storyArbitrary },
);

const frontMatter = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.tuple(phrase, fc.boolean()).map(([t, star]) => `---\ntitle: "${t.replace(/["\r\n]/g, '')}"\ntags: [leadership, conflict]\n${star ? 'star: true\n' : ''}---\n`) },
  { weight: 1, arbitrary: fc.constant('---\nquestion: Tell me about a failure\ntags:\n  - failure\n  - ownership\n---\n**Situation:** x\n') },
  { weight: 1, arbitrary: fc.constant('---\nunclosed: front matter\n') },
);

export type Ending = 'lf' | 'crlf' | 'cr' | 'mixed';

function withEndings(text: string, ending: Ending, picks: number[]): string {
  if (ending === 'lf') return text;
  if (ending === 'crlf') return text.replace(/\n/g, '\r\n');
  if (ending === 'cr') return text.replace(/\n/g, '\r');
  let i = 0;
  // A CR right before the next LF would read as one CRLF and join two lines: use CRLF there.
  return text.replace(/\n/g, (_m, offset: number) => {
    const eol = ['\n', '\r\n', '\r'][picks[i++ % picks.length] % 3];
    return eol === '\r' && text[offset + 1] === '\n' ? '\r\n' : eol;
  });
}

/** A document with LF endings only, to compare against the same document with other endings. */
export const lfMarkdownArbitrary = fc
  .tuple(frontMatter, fc.array(block, { minLength: 0, maxLength: 10 }))
  .map(([fm, blocks]) => `${fm}${blocks.join('\n\n')}\n`.replace(/\r\n?/g, '\n'));

/** `text` (LF endings) with every line ending replaced. */
export function convertEndings(text: string, ending: Ending): string {
  return withEndings(text, ending, [0, 1, 2, 1]);
}

/** A document as a story bank might hold it (possibly with no story at all). */
export const markdownArbitrary = fc
  .tuple(
    fc.boolean(),
    frontMatter,
    fc.array(block, { minLength: 0, maxLength: 14 }),
    fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n'), { minLength: 14, maxLength: 14 }),
    fc.constantFrom<Ending>('lf', 'lf', 'crlf', 'cr', 'mixed'),
    fc.array(fc.nat(2), { minLength: 1, maxLength: 8 }),
    fc.boolean(),
  )
  .map(([bom, fm, blocks, gaps, ending, picks, finalNewline]) => {
    const body = blocks.map((b, i) => b + (i < blocks.length - 1 ? gaps[i] : '')).join('');
    return `${bom ? '\uFEFF' : ''}${withEndings(`${fm}${body}${finalNewline ? '\n' : ''}`, ending, picks)}`;
  });

/** A document that holds at least one story-shaped section, with noise around it. */
export const storyBankArbitrary = fc
  .tuple(fc.array(block, { maxLength: 3 }), fc.array(storyArbitrary, { minLength: 1, maxLength: 3 }), fc.array(block, { maxLength: 3 }), fc.constantFrom<Ending>('lf', 'crlf', 'mixed'), fc.array(fc.nat(2), { minLength: 1, maxLength: 8 }))
  .map(([before, stories, after, ending, picks]) => withEndings(`# Story bank\n\n${[...before, ...stories, ...after].join('\n\n')}\n`, ending, picks));
