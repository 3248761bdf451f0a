// What reaches a terminal: file names and story text made harmless, and colours only where they are wanted.

// C0 controls, DEL and C1 controls can move the cursor, retitle the window or hide what follows; the bidi
// overrides and isolates reorder what is shown (Trojan Source). Each is shown as an escape instead.
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** `text` with every control character and bidi override escaped (`\x1b`, `\u202e`), so it prints as one inert line. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}

/**
 * Whether to colour what goes to stdout: on a terminal unless `NO_COLOR` is set or `TERM` is `dumb`
 * (no-color.org). `FORCE_COLOR` decides outright, as in Node's own console and chalk: on anywhere,
 * even over `NO_COLOR`, or off when it is `0` or `false`.
 */
export function useColour(env: Record<string, string | undefined>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force) return force !== '0' && force !== 'false';
  return isTTY && !env.NO_COLOR && env.TERM !== 'dumb';
}

export type Style = 'red' | 'yellow' | 'cyan' | 'dim';
export type Paint = (style: Style, text: string) => string;

// Hand-written SGR rather than util.styleText: from Node 22 that checks process.stdout itself, so the
// choice made by `useColour` (and a test's choice) would not be the one that counts.
const SGR: Record<Style, [number, number]> = { red: [31, 39], yellow: [33, 39], cyan: [36, 39], dim: [2, 22] };

export const plain: Paint = (_style, text) => text;
export const ansi: Paint = (style, text) => `\x1b[${SGR[style][0]}m${text}\x1b[${SGR[style][1]}m`;
