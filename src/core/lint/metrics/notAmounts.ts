// What makes a number *not* an amount: the words before it (`Step 2`, `Python 3.11`, `in 2021`), a
// month or a clock time after it, a list marker before it.
export const MONTHS = [
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july',
  'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
];

/** Words right before a number that make it a label, not an amount: `Step 2`, `Phase 3`, `Week 1-2`, `No. 4`. */
export const NUMBERING_WORDS = new Set([
  'step', 'steps', 'phase', 'week', 'day', 'sprint', 'story', 'project', 'part', 'round', 'level', 'tier',
  'stage', 'chapter', 'section', 'question', 'example', 'option', 'approach', 'lesson', 'version', 'release',
  'gen', 'generation', 'milestone', 'iteration', 'slide', 'page', 'fig', 'figure', 'table', 'task', 'goal',
  'item', 'rule', 'number', 'no.', 'module', 'lab', 'episode', 'season', 'issue', 'ticket', 'pr', 'incident',
  'sev', 'severity', 'priority', 'scenario', 'test', 'line', 'vol', 'volume', 'grade', 'wave', 'cohort',
  'pillar', 'principle', 'reason', 'tip', 'challenge', 'problem', 'solution', 'takeaway', 'bullet',
  'month', 'year', 'quarter', 'rank', 'ranked', 'act', 'scene', 'session', 'workshop', 'interview',
  ...MONTHS,
]);

/** Product names whose following number is a version: `Python 3.11`, `Java 17`, `iOS 17`, `Spring Boot 3`. */
export const VERSION_WORDS = new Set([
  'python', 'python3', 'node', 'node.js', 'nodejs', 'java', 'jdk', 'jre', 'openjdk', 'php', 'ruby', 'rails',
  'go', 'golang', 'angular', 'angularjs', 'react', 'vue', 'vue.js', 'ember', 'django', 'flask', 'spring',
  'spring boot', '.net', 'dotnet', 'asp.net', 'c#', 'typescript', 'ecmascript', 'es', 'ios', 'ipados',
  'android', 'windows', 'macos', 'os x', 'ubuntu', 'debian', 'centos', 'rhel', 'fedora', 'postgres',
  'postgresql', 'mysql', 'mariadb', 'mongodb', 'redis', 'elasticsearch', 'kafka', 'kubernetes', 'k8s',
  'docker', 'terraform', 'swift', 'kotlin', 'scala', 'rust', 'perl', 'lua', 'dart', 'flutter', 'laravel',
  'symfony', 'oauth', 'tls', 'ssl', 'http', 'html', 'css', 'gradle', 'webpack', 'babel', 'jest', 'junit',
  'xcode', 'chrome', 'firefox', 'safari', 'sql server', 'soc', 'iso', 'pci dss', 'wcag', 'web', 'bootstrap',
  'tailwind', 'next.js', 'nuxt', 'svelte', 'ansible', 'jenkins', 'gitlab', 'cuda', 'tensorflow', 'pytorch',
  'hadoop', 'cassandra', 'mssql', 'sqlite', 'gpt', 'llama',
]);

/** Words before a bare year: `in 2021`, `since 2019`, `Q3 2022`, `March 2020`, `March 5, 2020`. */
export const YEAR_CONTEXT_WORDS = new Set([
  'in', 'since', 'by', 'during', 'until', 'till', 'from', 'to', 'through', 'thru', 'of', 'early', 'late', 'mid',
  'circa', 'before', 'after', 'around', 'fy', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'spring', 'summer', 'fall',
  'autumn', 'winter', 'year', 'copyright', '©', ...MONTHS,
]);

export const WORD_BEFORE_CHAR = /[\p{L}\p{N}.#+©-]/u;

/**
 * The one or two words right before `at` on the same line, lower-cased, nearest first: for
 * `Spring Boot 3` at the `3`, `['boot', 'spring boot']`. A `#` or `v` just before the number is skipped.
 */
export function wordsBefore(m: string, at: number): [string, string] {
  let i = at - 1;
  const skipBlank = (): void => {
    while (i >= 0 && (m[i] === ' ' || m[i] === '\t')) i--;
  };
  const readWord = (): string => {
    const end = i + 1;
    while (i >= 0 && end - i <= 30 && WORD_BEFORE_CHAR.test(m[i])) i--;
    return m.slice(i + 1, end).toLowerCase();
  };
  skipBlank();
  if (m[i] === '#') {
    i--;
    skipBlank();
  }
  let first = readWord();
  if (first === 'v') {
    skipBlank();
    first = readWord();
  }
  skipBlank();
  const second = first && i >= 0 && m[i] !== '\n' ? readWord() : '';
  return [first, second ? `${second} ${first}` : ''];
}

export function isNumberingOrVersion(m: string, at: number): boolean {
  const [w1, w2] = wordsBefore(m, at);
  const bare = w1.endsWith('.') && w1 !== 'no.' ? w1.slice(0, -1) : w1;
  return NUMBERING_WORDS.has(bare) || VERSION_WORDS.has(w1) || VERSION_WORDS.has(w2) || /^v\d*$/.test(w1);
}

export function isYearContext(m: string, at: number): boolean {
  const [w1] = wordsBefore(m, at);
  const bare = w1.replace(/[.,]$/, '');
  return YEAR_CONTEXT_WORDS.has(bare) || /^\d{1,2},?$/.test(w1) || w1 === '-' || w1 === '–';
}

export const MONTHS_AFTER_RE = new RegExp(`^[ \\t]*(?:${MONTHS.join('|')})\\b`, 'i');

/** Words ending in s that follow a year without making it a count (`2021 was`). */
export const NOT_PLURAL = new Set(['was', 'is', 'has', 'does', 'goes', 'its', 'this', 'as', 'us', 'plus', 'always', 'across', 'towards', 'thus', 'yes', 'less', 'process', 'whereas', 'besides', 'sometimes', 'afterwards']);

/** True when only list or heading markers stand between the start of the line and `at`. */
export function atLineStart(m: string, at: number): boolean {
  const from = Math.max(0, at - 20);
  let i = at - 1;
  while (i >= from && m[i] !== '\n' && m[i] !== '\r') i--;
  if (i >= from || from === 0) return /^[ \t>]*(?:[-+][ \t]+)?(?:#{1,6}[ \t]+)?[ \t]*$/.test(m.slice(i + 1, at));
  return false;
}

export function isClockAfter(m: string, at: number): boolean {
  return /^[ \t]?(?:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])/i.test(m.slice(at, at + 6));
}
