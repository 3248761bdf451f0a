// Turns the command line's files, folders and globs into readable story files. A file that cannot be
// read is named on stderr in one line and skipped; the others are still processed.
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { convertPathToPattern, globSync } from 'tinyglobby';

export interface StoryFile {
  path: string;
  /** The text without its byte order mark: columns count from the first character, as in VS Code. */
  text: string;
  /** Whether the file starts with a UTF-8 byte order mark (written back by `--fix`). */
  bom: boolean;
}

export interface FileProblem {
  path: string;
  message: string;
}

const GLOB = /[*?[\]{}!]/;
const SKIPPED = ['node_modules', '.git'];
// Globs match paths from the current directory, where `**` does not reach into `../`: a folder outside it
// has its skipped folders dropped by name (`skipped`) instead.
const SKIPPED_GLOBS = SKIPPED.map((name) => `**/${name}/**`);

function skipped(path: string): boolean {
  return path.split(/[\\/]/).some((segment) => SKIPPED.includes(segment));
}

/** Files matching `pattern` from the current directory, in sorted order, without the skipped folders or `exclude`. */
function matching(pattern: string, exclude: string[]): string[] {
  return globSync(pattern, { onlyFiles: true, dot: false, ignore: [...SKIPPED_GLOBS, ...exclude], expandDirectories: false }).filter((p) => !skipped(p)).sort();
}

/** The Markdown files in `folder` and below, each named from `folder` as it was typed. */
function markdownIn(folder: string, exclude: string[]): string[] {
  const pattern = `${convertPathToPattern(folder).replace(/\/+$/, '')}/**/*.{md,markdown}`;
  return matching(pattern, exclude).map((p) => join(folder, relative(folder, p)));
}

function kindOf(path: string): 'folder' | 'file' | 'missing' {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat === undefined ? 'missing' : stat.isDirectory() ? 'folder' : 'file';
  } catch {
    // Its kind cannot be told (EACCES, ENOTDIR): reading it names the reason.
    return 'file';
  }
}

export function expandArguments(args: string[], exclude: string[] = []): { paths: string[]; problems: FileProblem[] } {
  const paths: string[] = [];
  const problems: FileProblem[] = [];
  for (const arg of args) {
    const kind = kindOf(arg);
    if (kind === 'file' || (kind === 'missing' && !GLOB.test(arg))) {
      paths.push(arg);
      continue;
    }
    const found = kind === 'folder' ? markdownIn(arg, exclude) : matching(arg, exclude);
    if (found.length === 0) problems.push({ path: arg, message: kind === 'folder' ? 'no Markdown files (*.md, *.markdown) in this folder' : 'no files match this pattern' });
    paths.push(...found);
  }
  // A file named twice, however it is spelled (`a.md`, `./a.md`, through a folder), is read once.
  const seen = new Set<string>();
  const once = paths.filter((p) => {
    const key = resolve(p);
    const first = !seen.has(key);
    seen.add(key);
    return first;
  });
  return { paths: once, problems };
}

export function readStoryFile(path: string): StoryFile | FileProblem {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { path, message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})` };
  }
  if (bytes.subarray(0, 8000).includes(0)) return { path, message: 'is a binary file, not Markdown' };
  // Checked, then decoded, without a TextDecoder: its first use in a process costs more (about 12 ms) than decoding 5 MB.
  if (!isUtf8(bytes)) return { path, message: `is not valid UTF-8 (first bad byte at offset ${firstInvalidByte(bytes)})` };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { path, text: bytes.toString('utf8', bom ? 3 : 0), bom };
}

function firstInvalidByte(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      // `stream` lets a prefix end inside a character; only a truly invalid byte throws.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // The longest prefix that decodes may end inside the bad sequence (`C3` before `28`, or `E2 86` at the
  // end of the file): the bad byte is where that unfinished sequence starts.
  for (let k = 1; k <= 3 && lo - k >= 0; k++) {
    const b = bytes[lo - k];
    if (b < 0x80) break;
    if (b >= 0xc0) return (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > k ? lo - k : lo;
  }
  return lo;
}
