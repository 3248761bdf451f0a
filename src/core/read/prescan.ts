// The pre-scan of DESIGN §9: most of a story bank's chunks are a heading and some prose, and a chunk
// that cannot hold a label, a question, a `Tags:`/`Question:` line, an HTML comment or a second
// heading contributes only its heading to the outline. Such a chunk is not parsed until a story turns
// out to include it (its prose and code are needed then), and parsing it then changes nothing in the
// outline; the scan below is deliberately conservative — anything it is unsure of is parsed — so
// results never change.
import type { HeadingFact } from './chunkReader';
import { findMojibake } from './encoding';
import { isFollowUpHeading, lookupLabel, PLAIN_WORDS, type Lexicon } from './lexicon';

/** Characters that change how a heading's text reads once parsed (escapes, code, emphasis, HTML, links, entities). */
const PLAIN_HEADING = /^(#{1,6})[ \t]+([^\s\\`*_<>[\]!&#](?:[^\r\n\\`*_<>[\]!&#]*[^\s\\`*_<>[\]!&#])?)$/;
/** What could make a fact other than prose: strong emphasis, HTML, meta keys, questions (`?`, `Q1:`), setext underlines, headings. */
const MAYBE_FACT = /\*\*|__|<|tags|question|\?|Q\s*\d*\s*[:.]|^ {0,3}(?:=+|-+)[ \t]*$|^ {0,3}#{1,6}(?:[ \t]|$)/im;

/** A line that may start with a plain label (`Situation:`, `- S – …`, `1. Resultado —`): a label word or a single capital, after any list marker. */
const MAYBE_PLAIN_LABEL = new RegExp(
  String.raw`^[ \t]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?(?:[STARL](?:[ \t]*[-–—:.：]|[ \t]+[-–—])|${PLAIN_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})`,
  'imu',
);

/** A table's delimiter row (`|---|---|`): its first column may hold labels. */
const TABLE_DELIMITER = /^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|/m;

/**
 * The chunk's headings when the chunk is quiet (nothing in it but its plain heading and prose): its one
 * heading, or none for a first chunk without one. Undefined when it must be parsed. `first` says
 * whether the chunk starts the document body (and so may not start with a heading at all).
 */
export function quietHeadings(text: string, lexicon: Lexicon, first: boolean): HeadingFact[] | undefined {
  let lineEnd = text.indexOf('\n');
  if (lineEnd === -1) lineEnd = text.length;
  if (text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  const head = text.charCodeAt(0) === 35 /* # */ ? PLAIN_HEADING.exec(text.slice(0, lineEnd)) : null;
  if (!head && !first) return undefined;
  if (text.includes('\r', 0) && text.indexOf('\r') < lineEnd) return undefined;
  const body = head ? text.slice(lineEnd) : text;
  if (MAYBE_FACT.test(body) || MAYBE_PLAIN_LABEL.test(body) || TABLE_DELIMITER.test(body)) return undefined;
  // STAR011 reports mojibake wherever it is, and offers "disable on this line" only on a line the parse
  // shows to be prose: such a chunk must be parsed.
  if (findMojibake(text).length > 0) return undefined;
  if (!head) return [];
  const headingText = head[2];
  if (lookupLabel(lexicon, headingText) || isFollowUpHeading(headingText) || /\?\s*$|^Q\s*\d*\s*[:.]/.test(headingText)) return undefined;
  return [{ start: 0, end: lineEnd, depth: head[1].length, text: headingText }];
}
