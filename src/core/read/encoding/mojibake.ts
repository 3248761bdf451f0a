// Mojibake (rule STAR011): UTF-8 bytes that were decoded with the wrong code page, such as `â†’`
// for `→` (Windows-1252) or `‚Üí` for `→` (Mac Roman). A run of characters is suspect when mapping
// each character back to its byte in the code page gives a valid multi-byte UTF-8 sequence; it is
// repaired only when the result is plausible text.
import iconv from 'iconv-lite';
import { CODE_PAGES, CP1252_UNDEFINED, reverseTable, type CodePage } from './codepages';
import { continuationAllowed, decodeSequence, sequenceLength } from './utf8';

export type { CodePage } from './codepages';

export interface MojibakeRun {
  start: number;
  end: number;
  codepage: CodePage;
  /** The run decoded as UTF-8 (repeatedly, for text that was misread twice). */
  repaired: string;
}

/** How convincing one repaired character is. */
type Plausibility = 'strong' | 'weak';

interface Sequence {
  start: number;
  end: number;
  codepage: CodePage;
  bytes: number[];
  plausibility: Plausibility;
}

/**
 * Whether a decoded character is something people write. Two-byte sequences need care, because
 * ordinary text can contain a capital letter followed by a symbol (`CAFÉ”`): only Latin letters and
 * symbols (U+00A0–U+017F, and ș ț) are trusted on their own; Greek, Cyrillic, Hebrew and Arabic
 * letters only when at least two of them stand together; anything else (IPA, combining marks,
 * C1 controls) is never a repair.
 */
function plausibility(codePoint: number, length: number): Plausibility | undefined {
  if (length === 2) {
    if (codePoint >= 0xa0 && codePoint <= 0x17f) return 'strong';
    if (codePoint >= 0x218 && codePoint <= 0x21b) return 'strong';
    if (codePoint >= 0x386 && codePoint <= 0x3ce) return 'weak';
    if (codePoint >= 0x400 && codePoint <= 0x4ff) return 'weak';
    if (codePoint >= 0x5d0 && codePoint <= 0x5ea) return 'weak';
    if (codePoint >= 0x620 && codePoint <= 0x64a) return 'weak';
    return undefined;
  }
  if (codePoint >= 0xe000 && codePoint <= 0xf8ff) return undefined; // private use
  if (codePoint >= 0xfdd0 && codePoint <= 0xfdef) return undefined; // noncharacters
  if ((codePoint & 0xfffe) === 0xfffe) return undefined;
  if (codePoint >= 0xf0000) return undefined; // supplementary private use
  return 'strong';
}

/** Format and space characters are never the guess for a byte a decoder replaced with U+FFFD. */
function invisible(codePoint: number): boolean {
  return (codePoint >= 0x2000 && codePoint <= 0x200f) || (codePoint >= 0x2028 && codePoint <= 0x202f) || (codePoint >= 0x2060 && codePoint <= 0x206f);
}

function sequenceAt(text: string, at: number, codepage: CodePage): Sequence | undefined {
  const table = reverseTable(codepage);
  const lead = table.get(text.charCodeAt(at));
  if (lead === undefined) return undefined;
  const length = sequenceLength(lead);
  if (length === 0 || at + length > text.length) return undefined;
  const bytes = [lead];
  let guessAt = -1;
  for (let k = 1; k < length; k++) {
    const code = text.charCodeAt(at + k);
    const byte = table.get(code);
    if (byte !== undefined && continuationAllowed(lead, k, byte)) bytes.push(byte);
    else if (code === 0xfffd && codepage === 'windows-1252' && guessAt < 0) {
      // A decoder replaced an undefined byte (0x81, 0x8D, 0x8F, 0x90, 0x9D); guess it below.
      guessAt = k;
      bytes.push(-1);
    } else return undefined;
  }
  if (guessAt >= 0) {
    const candidates = CP1252_UNDEFINED.filter((b) => continuationAllowed(lead, guessAt, b))
      .map((b) => bytes.map((x) => (x < 0 ? b : x)))
      .filter((bs) => {
        const cp = decodeSequence(bs);
        return plausibility(cp, length) && !invisible(cp);
      });
    // `â€\uFFFD` is the famous `”` (E2 80 9D); otherwise only an unambiguous guess is taken.
    const chosen = candidates.length === 1 ? candidates[0] : candidates.find((bs) => decodeSequence(bs) === 0x201d);
    if (!chosen) return undefined;
    bytes.splice(0, bytes.length, ...chosen);
  }
  const p = plausibility(decodeSequence(bytes), length);
  if (!p) return undefined;
  return { start: at, end: at + length, codepage, bytes, plausibility: p };
}

const NON_ASCII = /[^\u0000-\u007f]/g;

/** Offset of the first character at or after `from` that is not ASCII (the text's length if none): a native search, not a loop. */
function nextNonAscii(text: string, from: number): number {
  NON_ASCII.lastIndex = from;
  return NON_ASCII.exec(text)?.index ?? text.length;
}

/**
 * How much strong evidence `text` holds for each code page (in the order of `CODE_PAGES`), and whether
 * any code page reads any of it as a sequence at all (if none does, no order finds a run in it).
 */
function codePageScores(text: string): { scores: number[]; suspect: boolean } {
  const scores = CODE_PAGES.map(() => 0);
  let suspect = false;
  for (let i = nextNonAscii(text, 0); i < text.length; i = nextNonAscii(text, i + 1)) {
    CODE_PAGES.forEach((cp, k) => {
      const s = sequenceAt(text, i, cp);
      if (s) suspect = true;
      if (s && s.plausibility === 'strong' && s.bytes.length > 2) scores[k]++;
    });
  }
  return { scores, suspect };
}

/** Code pages ordered by `scores`, most evidence first. */
function codePageOrder(scores: readonly number[]): CodePage[] {
  return CODE_PAGES.map((cp, k) => ({ cp, score: scores[k] })).sort((a, b) => b.score - a.score).map((x) => x.cp);
}

function decodeBytes(bytes: number[]): string {
  return iconv.decode(Buffer.from(bytes), 'utf8', { stripBOM: false });
}

/** The runs in `text`, trying the code pages in `order` (by default, the order `text` itself gives). */
function findRuns(text: string, order?: CodePage[]): MojibakeRun[] {
  if (!/[\u0080-\uffff]/.test(text)) return [];
  order ??= codePageOrder(codePageScores(text).scores);
  const sequences: Sequence[] = [];
  for (let i = nextNonAscii(text, 0); i < text.length; ) {
    if (text.charCodeAt(i) < 0x80) {
      i = nextNonAscii(text, i);
      continue;
    }
    let found: Sequence | undefined;
    for (const cp of order) {
      found = sequenceAt(text, i, cp);
      if (found) break;
    }
    if (found) {
      sequences.push(found);
      i = found.end;
    } else i++;
  }

  const runs: MojibakeRun[] = [];
  let group: Sequence[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const strong = group.some((s) => s.plausibility === 'strong');
    if (strong || group.length >= 2) {
      runs.push({
        start: group[0].start,
        end: group[group.length - 1].end,
        codepage: group[0].codepage,
        repaired: decodeBytes(group.flatMap((s) => s.bytes)),
      });
    }
    group = [];
  };
  for (const s of sequences) {
    const last = group[group.length - 1];
    if (last && (last.end !== s.start || last.codepage !== s.codepage)) flush();
    group.push(s);
  }
  flush();
  return runs;
}

/**
 * Every run of mojibake in `text` with its repair. Correct text — `café`, `naïve`, `Zoë`, `Müller`,
 * `→`, `’`, emoji, CJK, Arabic — gives nothing. A run that was misread twice (`Ã¢â‚¬â„¢`) is repaired
 * all the way (`’`).
 */
export function findMojibake(text: string): MojibakeRun[] {
  return repaired(findRuns(text));
}

function repaired(runs: MojibakeRun[]): MojibakeRun[] {
  return runs.map((run) => {
    let repaired = run.repaired;
    for (let i = 0; i < 3; i++) {
      const again = findRuns(repaired);
      if (again.length === 0) break;
      repaired = applyRuns(repaired, again);
    }
    return { ...run, repaired };
  });
}

/** What one part of a text contributes: its evidence for each code page, and its runs for each order tried. */
interface Part {
  scores: number[];
  /** Whether any code page reads a sequence in it. */
  suspect: boolean;
  runs: Map<string, MojibakeRun[]>;
}

const PARTS = new Map<string, Part>();
let mostParts = 0;
const ASCII: Part = { scores: CODE_PAGES.map(() => 0), suspect: false, runs: new Map() };

function part(text: string): Part {
  // Most text is ASCII: one scan says so, as fast as hashing the text to look it up, and it is not remembered.
  if (!/[\u0080-\uffff]/.test(text)) return ASCII;
  let found = PARTS.get(text);
  if (!found) {
    found = { ...codePageScores(text), runs: new Map() };
    PARTS.set(text, found);
  }
  return found;
}

type Piece = { start: number; text: string };

/**
 * `findMojibake` of a whole text given as pieces that each start a line (a document's chunks): no
 * sequence or run crosses a line break, and the evidence for a code page adds up over the pieces, so
 * the answer is the same. Each piece's work is remembered by its text, and a scanner remembers the
 * pieces of the text it last scanned: for the next version of that text (an edit), the pieces kept at
 * either end are not looked up again.
 */
export class MojibakeScanner {
  private pieces: readonly Piece[] = [];
  private parts: Part[] = [];
  /** Indices of the pieces some code page reads a sequence in, in order. */
  private suspects: number[] = [];

  find(pieces: readonly Piece[]): MojibakeRun[] {
    // Room for the parts of the largest text seen and the versions its edits leave behind; emptied when full.
    mostParts = Math.max(mostParts, pieces.length);
    if (PARTS.size > 4 * mostParts + 1000) PARTS.clear();
    const before = this.pieces;
    const same = (a: Piece, b: Piece) => a === b || a.text === b.text;
    let head = 0;
    while (head < pieces.length && head < before.length && same(pieces[head], before[head])) head++;
    let tail = 0;
    while (tail < pieces.length - head && tail < before.length - head && same(pieces[pieces.length - 1 - tail], before[before.length - 1 - tail])) tail++;
    const parts: Part[] = new Array(pieces.length);
    const suspects: number[] = [];
    const moved = pieces.length - before.length;
    for (const i of this.suspects) if (i < head) suspects.push(i);
    for (let i = 0; i < head; i++) parts[i] = this.parts[i];
    for (let i = head; i < pieces.length - tail; i++) {
      parts[i] = part(pieces[i].text);
      if (parts[i].suspect) suspects.push(i);
    }
    for (let i = pieces.length - tail; i < pieces.length; i++) parts[i] = this.parts[i - moved];
    for (const i of this.suspects) if (i >= before.length - tail) suspects.push(i + moved);
    this.pieces = pieces;
    this.parts = parts;
    this.suspects = suspects;

    const totals = CODE_PAGES.map(() => 0);
    for (const i of suspects) parts[i].scores.forEach((n, k) => (totals[k] += n));
    const order = codePageOrder(totals);
    const key = order.join();
    const runs: MojibakeRun[] = [];
    for (const i of suspects) {
      const { start, text } = pieces[i];
      let own = parts[i].runs.get(key);
      if (!own) {
        own = repaired(findRuns(text, order));
        parts[i].runs.set(key, own);
      }
      for (const run of own) runs.push({ ...run, start: run.start + start, end: run.end + start });
    }
    return runs;
  }
}

/** `findMojibake` of a whole text given as pieces that each start a line (see `MojibakeScanner`). */
export function findMojibakeInParts(pieces: readonly Piece[]): MojibakeRun[] {
  return new MojibakeScanner().find(pieces);
}

function applyRuns(text: string, runs: MojibakeRun[]): string {
  let out = '';
  let from = 0;
  for (const run of runs) {
    out += text.slice(from, run.start) + run.repaired;
    from = run.end;
  }
  return out + text.slice(from);
}

/** `text` with every mojibake run repaired and every other character left exactly as it was. Idempotent. */
export function repairMojibake(text: string): string {
  let out = text;
  for (let i = 0; i < 4; i++) {
    const runs = findMojibake(out);
    if (runs.length === 0) break;
    out = applyRuns(out, runs);
  }
  return out;
}
