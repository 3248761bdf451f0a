// A fast-check grammar of almost-plain story Markdown, for the plain reader's differential test: the
// constructs the plain reader handles, written in the ways where remark's reading is easy to get wrong
// (flanking `**` next to punctuation, indentation that does or does not continue a list item, lines
// that may or may not be setext underlines, trailing spaces, lazy continuation lines), plus a little of
// what it must decline (tabs, HTML, escapes, entities, links other than plain ones, block quotes, CR
// line endings).
import fc from 'fast-check';

const WORDS = [
  'I', 'we', 'the', 'team', 'led', 'shipped', 'a', 'migration', 'in', 'two', 'weeks', 'latency', 'on-call', 'Q3',
  'café', 'naïve', '数据', 'デプロイ', 'שלום', '🎯', '🚀', '👩🏽‍💻', 'e\u0301', '\u00a0', '\u200b', '\u2028', 'x_y', 'snake_case_name',
  '40%', '$50K', '2-3', '1.5', '(30 seconds)', '(Context Setting - 30 seconds)', '→', '—', '–', '…', '"quoted"', '“curly”', "it's", '’',
  'R&D', 'a & b', '5 * 3', '2*3', 'C++', '#hashtag', '#', 'Tags:', 'Question:', 'Q:', 'Q1.', '1.', '2)', '-', '+', '=',
  '<5%', 'a < b', '<=', '<-', '[ ]', '[x]', '[Yes]', '[see below]', '[1]', ']', '[', '[a]:', '[]',
  '[Situation](#situation)', '[a](http://x.y/a_b?c=1)', '[ ](#x)', '[a](b)c', '[a](b)(c)', '[[a](b)', '[a](b)]', '[a] (b)',
  'Situation', 'Task', 'Action', 'Result', 'Learning', 'Impact', 'Context', 'What I did', 'Steps Taken', 'Business Impact',
];
/** Rare constructs the plain reader declines, so the gate itself is tested. */
const DECLINED = ['&amp;', '&#35;', '<b>x</b>', '<!-- star-story -->', '\\*', '[link](http://x.y "title")', '[a]( b)', '[a](b c)', '[](x)', '[a](<b>)', '[a *b*](c)', '[a](b*c)', '[a][b]', '![img](a.png)', '<http://x.y>', '\t', '\r', '`a\nb`'];
const PUNCTUATION = ['', '', '', '.', ',', ':', '?', '!', ')', '(', '"', '“', '”', '—', '🎯', '→', '*', '%', "'"];

const word = fc.constantFrom(...WORDS);
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));

const emphasis = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.constantFrom('**', '*'), fc.constantFrom(...PUNCTUATION), words, fc.constantFrom(...PUNCTUATION), fc.constantFrom(...PUNCTUATION))
      .map(([marker, before, text, inside, after]) => `${before}${marker}${text}${inside}${marker}${after}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('**', '*', '***', ''), fc.constantFrom(...PUNCTUATION), words, fc.constantFrom('**', '*', '***', ''))
      .map(([open, before, text, close]) => `${before}${open}${text}${close}`),
  },
);

/** Inline pieces: plain words, emphasis with punctuation around or inside it, code spans, stray markers. */
const inline = fc.oneof(
  { weight: 8, arbitrary: words },
  { weight: 4, arbitrary: emphasis },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('`', '``', '` ', '`` ` '), words, fc.constantFrom('`', '``', ' `', ' ``', '')).map(([a, w, b]) => `${a}${w}${b}`) },
  { weight: 1, arbitrary: fc.constantFrom('**', '*', ' * ', '`', '**Situation:**', '**Result**:', '**SITUATION (30 seconds)**', '**1. Action:**', '**Q: why?**') },
);

/** One line of text: inline pieces, then 0 to 3 trailing spaces (two or more make a hard break). */
const textLine = fc
  .tuple(fc.array(inline, { minLength: 1, maxLength: 5 }), fc.constantFrom('', '', '', ' ', '  ', '   '), fc.constantFrom('', '', '?', ':'))
  .map(([pieces, trailing, end]) => `${pieces.join(' ')}${end}${trailing}`);

const indentation = fc.constantFrom('', '', '', '', '', ' ', '  ', '  ', '   ', '   ', '    ', '     ', '      ', '        ');

/** A paragraph: lines, each continuation line indented anyhow. */
const paragraph = fc
  .tuple(fc.constantFrom('', '', ' ', '   '), textLine, fc.array(fc.tuple(indentation, textLine), { maxLength: 2 }))
  .map(([first, line, rest]) => [`${first}${line}`, ...rest.map(([i, l]) => `${i}${l}`)].join('\n'));

const atxHeading = fc
  .tuple(fc.constantFrom('', '', ' ', '   ', '    '), fc.integer({ min: 1, max: 7 }), fc.constantFrom(' ', ' ', '  ', ''), fc.oneof(textLine, fc.constant('')), fc.constantFrom('', '', '', ' #', ' ##', '#'))
  .map(([indent, depth, gap, text, closing]) => `${indent}${'#'.repeat(depth)}${gap}${text}${closing}`);

const underline = fc
  .tuple(fc.constantFrom('', '', ' ', '   ', '    '), fc.constantFrom('===', '---', '=', '-', '--', '- - -', '***', '___', '-- -', '= ='), fc.constantFrom('', '', '  '))
  .map(([indent, line, trailing]) => `${indent}${line}${trailing}`);

const setextHeading = fc.tuple(paragraph, underline).map(([p, u]) => `${p}\n${u}`);

const metaLine = fc.constantFrom('Tags: leadership, conflict', 'tags : ownership', 'Question: Tell me about a time you failed?', 'Q: What would you change?', 'Q1. Why?', 'Question:');

const marker = fc.constantFrom('-', '-', '*', '+', '1.', '1.', '2.', '10.', '1)', '3)', '0.');
const afterMarker = fc.constantFrom(' ', ' ', ' ', ' ', ' ', '  ', '   ', '    ', '     ', '');

/** List items, each with an indentation that may nest it, continue it lazily, or start a sibling. */
const listItem = fc
  .tuple(indentation, marker, afterMarker, fc.oneof({ weight: 5, arbitrary: textLine }, { weight: 1, arbitrary: metaLine }, { weight: 1, arbitrary: fc.constant('') }), fc.array(fc.tuple(indentation, textLine), { maxLength: 2 }))
  .map(([indent, m, gap, first, more]) => [`${indent}${m}${gap}${first}`, ...more.map(([i, l]) => `${i}${l}`)].join('\n'));

const list = fc
  .tuple(fc.array(listItem, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom('\n', '\n', '\n\n'), { minLength: 6, maxLength: 6 }))
  .map(([items, gaps]) => items.map((item, i) => item + (i < items.length - 1 ? gaps[i] : '')).join(''));

const fence = fc
  .tuple(indentation, fc.constantFrom('```', '~~~', '````', '```ts', '``` js `x`'), fc.array(fc.oneof(textLine, fc.constant('')), { maxLength: 3 }), fc.constantFrom('```', '~~~', '````', '  ```', '', '```  '))
  .map(([indent, open, body, close]) => [`${indent}${open}`, ...body.map((l) => `${indent}${l}`), ...(close ? [`${indent}${close}`] : [])].join('\n'));

const thematicBreak = fc.constantFrom('---', '***', '___', '* * *', '- - -', ' ---', '----------');

const declinedBlock = fc.constantFrom('> **Situation:** quoted', '<div>\n**Task:** x\n</div>', '[ref]: http://x.y', '[a]\n\n[a]: /url', '<!-- star-stories-disable STAR005 -->');
const indentedCode = fc.constantFrom('    indented code', '    code\n\n      more', '      code  \n    ', '    code\n  \n0. after');

const block = fc.oneof(
  { weight: 8, arbitrary: paragraph },
  { weight: 3, arbitrary: atxHeading },
  { weight: 2, arbitrary: setextHeading },
  { weight: 6, arbitrary: list },
  { weight: 2, arbitrary: metaLine },
  { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: thematicBreak },
  { weight: 1, arbitrary: indentedCode },
  { weight: 1, arbitrary: declinedBlock },
);

/** A chunk: an optional heading, then blocks with one to three line breaks between them; mostly LF, sometimes with a construct to decline. */
export const plainChunkArbitrary = fc
  .tuple(
    fc.oneof(fc.constant(''), atxHeading.map((h) => `${h}\n`)),
    fc.array(block, { minLength: 1, maxLength: 4 }),
    fc.array(fc.constantFrom('\n', '\n\n', '\n\n', '\n\n\n', '\n  \n'), { minLength: 5, maxLength: 5 }),
    fc.constantFrom('', '\n', '\n', '  \n', '\n\n'),
    fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...DECLINED), fc.nat()) }),
    fc.constantFrom('lf', 'lf', 'lf', 'lf', 'lf', 'lf', 'crlf', 'lf', 'lf', 'lf', 'lf', 'cr', 'lf', 'lf'),
  )
  .map(([heading, blocks, gaps, end, declined, ending]) => {
    let text = `${heading}${blocks.map((b, i) => b + (i < blocks.length - 1 ? gaps[i] : '')).join('')}${end}`;
    if (declined) {
      const at = declined[1] % (text.length + 1);
      text = `${text.slice(0, at)}${declined[0]}${text.slice(at)}`;
    }
    return ending === 'lf' ? text : text.replace(/\n/g, ending === 'crlf' ? '\r\n' : '\r');
  });
