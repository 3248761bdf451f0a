// The snippets in snippets/star-stories.code-snippets: well-formed VS Code snippet syntax, `star-`
// prefixes, tab stops in reading order, and story snippets that the analyser reads as the story they
// promise and the highlighting grammar scopes as labels.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { StoryAnalyser } from '../../src/core/analyse';
import { DEFAULT_CONFIG } from '../../src/core/lint/config';
import { buildLexicon, DEFAULT_LEXICON, lookupLabel, type LabelKind } from '../../src/core/read/lexicon';
import { lintDocument } from '../../src/core/lint/lint';
import { findMetricChanges } from '../../src/core/lint/metrics';
import type { Framework, LabelForm, Role } from '../../src/core/model';

const ROOT = join(__dirname, '..', '..');
const SNIPPET_FILE = join(ROOT, 'snippets', 'star-stories.code-snippets');
const GRAMMAR_FILE = join(ROOT, 'syntaxes', 'star-stories.injection.tmLanguage.json');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const snippets = JSON.parse(readFileSync(SNIPPET_FILE, 'utf8')) as Record<string, Snippet>;
const entries = Object.entries(snippets);
const prefixOf = (s: Snippet): string[] => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const bodyOf = (s: Snippet): string => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const byPrefix = (prefix: string): Snippet => {
  const found = entries.find(([, s]) => prefixOf(s).includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found[1];
};

// ── a small reader for VS Code's snippet syntax ───────────────────────────────────────────────────

interface TabStop {
  index: number;
  /** Offset in the rendered text. */
  offset: number;
  choices?: string[];
}

interface Rendered {
  text: string;
  tabStops: TabStop[];
}

/**
 * Renders a snippet body as VS Code inserts it when every placeholder keeps its default text and
 * every choice its first option (or the text given in `fill` for that tab stop). Throws on syntax
 * VS Code would not read the same way: an unclosed `${`, a `$` that starts nothing.
 */
function render(body: string, fill: Record<number, string> = {}): Rendered {
  const tabStops: TabStop[] = [];
  let i = 0;
  let out = '';

  const readUntil = (stops: string): string => {
    let text = '';
    while (i < body.length && !stops.includes(body[i])) {
      if (body[i] === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1])) {
        text += body[i + 1];
        i += 2;
      } else text += body[i++];
    }
    return text;
  };

  // Reads text up to the `}` closing the placeholder being read (or to the end at top level).
  const readText = (nested: boolean): string => {
    let text = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
        text += body[i + 1];
        i += 2;
      } else if (c === '}' && nested) {
        return text;
      } else if (c === '$') {
        text += readDollar(out.length + text.length);
      } else {
        text += c;
        i++;
      }
    }
    assert.ok(!nested, `unclosed \${ in snippet body: ${body}`);
    return text;
  };

  const readDollar = (offset: number): string => {
    i++; // `$`
    const plain = /^\d+/.exec(body.slice(i));
    if (plain) {
      i += plain[0].length;
      const index = Number(plain[0]);
      tabStops.push({ index, offset });
      return fill[index] ?? '';
    }
    assert.equal(body[i], '{', `a $ that starts no tab stop at ${i} in: ${body}`);
    i++;
    const num = /^\d+/.exec(body.slice(i));
    assert.ok(num, `only numbered tab stops are used, at ${i} in: ${body}`);
    i += num[0].length;
    const index = Number(num[0]);
    const stop: TabStop = { index, offset };
    tabStops.push(stop);
    if (body[i] === '}') {
      i++;
      return fill[index] ?? '';
    }
    if (body[i] === ':') {
      i++;
      const text = readText(true);
      assert.equal(body[i], '}');
      i++;
      return fill[index] ?? text;
    }
    assert.equal(body[i], '|', `unexpected ${body[i]} after \${${index} in: ${body}`);
    i++;
    const choices: string[] = [];
    for (;;) {
      choices.push(readUntil(',|'));
      if (body[i] === ',') { i++; continue; }
      assert.equal(body.slice(i, i + 2), '|}', `unclosed choice in: ${body}`);
      i += 2;
      break;
    }
    stop.choices = choices;
    return fill[index] ?? choices[0];
  };

  out = readText(false);
  return { text: out, tabStops };
}

// ── the grammar, run the way VS Code runs it ──────────────────────────────────────────────────────

interface GrammarToken { text: string; scopes: string[] }
type Tokenise = (text: string) => GrammarToken[];

async function loadTokeniser(): Promise<Tokenise> {
  // vscode-textmate and vscode-oniguruma come with vscode-tmgrammar-test (a devDependency).
  const fromTester = createRequire(require.resolve('vscode-tmgrammar-test/package.json'));
  const tm = fromTester('vscode-textmate') as typeof import('vscode-textmate');
  const onig = fromTester('vscode-oniguruma') as typeof import('vscode-oniguruma');
  const wasm = readFileSync(join(fromTester.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const markdownPath = require.resolve('tm-grammars/grammars/markdown.json');
  const injection = JSON.parse(readFileSync(GRAMMAR_FILE, 'utf8')) as { scopeName: string };
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === 'text.html.markdown') return tm.parseRawGrammar(readFileSync(markdownPath, 'utf8'), markdownPath);
      if (scopeName === injection.scopeName) return tm.parseRawGrammar(readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE);
      return null;
    },
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [injection.scopeName] : []),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar);
  return (text) => {
    const tokens: GrammarToken[] = [];
    let stack = tm.INITIAL;
    for (const line of text.split('\n')) {
      const r = grammar.tokenizeLine(line, stack);
      stack = r.ruleStack;
      for (const t of r.tokens) tokens.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    return tokens;
  };
}

let tokeniserPromise: Promise<Tokenise> | undefined;
/** Loads the grammars once, for the tests that need them. */
const tokeniser = (): Promise<Tokenise> => (tokeniserPromise ??= loadTokeniser());

// ── what each story snippet promises ──────────────────────────────────────────────────────────────

interface StoryPromise {
  prefix: string;
  framework: Framework;
  roles: Role[];
  form: LabelForm;
}

const STORY_SNIPPETS: StoryPromise[] = [
  { prefix: 'star-story-headings', framework: 'STAR', roles: ['situation', 'task', 'action', 'result'], form: 'heading' },
  { prefix: 'star-story-bold', framework: 'STAR', roles: ['situation', 'task', 'action', 'result'], form: 'bold' },
  { prefix: 'star-story-inline', framework: 'STAR', roles: ['situation', 'task', 'action', 'result'], form: 'bold' },
  { prefix: 'star-story-bullets', framework: 'STAR', roles: ['situation', 'task', 'action', 'result'], form: 'list' },
  { prefix: 'star-story-starl', framework: 'STARL', roles: ['situation', 'task', 'action', 'result', 'learning'], form: 'heading' },
  { prefix: 'star-story-car', framework: 'CAR', roles: ['situation', 'action', 'result'], form: 'heading' },
];

const RULE_CODES = Array.from({ length: 11 }, (_, k) => `STAR${String(k + 1).padStart(3, '0')}`);
const analyser = new StoryAnalyser();

describe('snippets', () => {
  it('every snippet has a star- prefix, a description and a non-empty body', () => {
    assert.ok(entries.length > 0);
    const seen = new Set<string>();
    for (const [name, s] of entries) {
      for (const p of prefixOf(s)) {
        assert.match(p, /^star-[a-z0-9-]+$/, `${name}: prefix ${p}`);
        assert.ok(!seen.has(p), `${name}: prefix ${p} is used twice`);
        seen.add(p);
      }
      assert.ok(typeof s.description === 'string' && s.description.trim().length > 20, `${name}: description`);
      assert.ok(bodyOf(s).trim().length > 0, `${name}: empty body`);
    }
  });

  it('offers the snippets the docs list', () => {
    const prefixes = entries.flatMap(([, s]) => prefixOf(s)).sort();
    const documented = [...readFileSync(join(ROOT, 'docs', 'snippets.md'), 'utf8').matchAll(/^\| `(star-[a-z0-9-]+)` \|/gm)].map((m) => m[1]).sort();
    assert.deepEqual(documented, prefixes);
  });

  it('numbers tab stops 1, 2, 3… in reading order and ends with $0', () => {
    for (const [name, s] of entries) {
      const { text, tabStops } = render(bodyOf(s));
      const firsts = new Map<number, TabStop>();
      for (const t of tabStops) if (!firsts.has(t.index)) firsts.set(t.index, t);
      const numbered = [...firsts.values()].filter((t) => t.index > 0);
      assert.deepEqual(numbered.map((t) => t.index), numbered.map((_, k) => k + 1), `${name}: tab stops out of order`);
      const end = tabStops.filter((t) => t.index === 0);
      assert.equal(end.length, 1, `${name}: one $0`);
      assert.ok(numbered.every((t) => t.offset <= end[0].offset), `${name}: $0 is not last`);
      assert.ok(text.trim().length > 0, `${name}: renders empty`);
    }
  });

  for (const promise of STORY_SNIPPETS) {
    describe(promise.prefix, () => {
      const { text } = render(bodyOf(byPrefix(promise.prefix)));

      it(`reads as one ${promise.framework} story with ${promise.form} labels in order`, () => {
        const { stories } = analyser.analyse(text, 'new-story.md');
        assert.equal(stories.length, 1, text);
        const [story] = stories;
        assert.equal(story.title, 'Story title');
        assert.equal(story.framework, promise.framework);
        assert.deepEqual(story.sections.map((s) => s.role), promise.roles);
        assert.deepEqual(story.sections.map((s) => s.form), promise.roles.map(() => promise.form));
        assert.deepEqual(story.tags, ['leadership']);
      });

      it('writes every label with a lexicon word', () => {
        const lexicon = buildLexicon();
        const { stories } = analyser.analyse(text, 'new-story.md');
        for (const section of stories[0].sections) {
          const found = lookupLabel(lexicon, section.label);
          assert.ok(found, `label ${section.label} is not in the lexicon`);
          const expected: LabelKind = section.role === 'situation' && promise.framework === 'CAR' ? 'challenge' : section.role;
          assert.equal(found.kind, expected, section.label);
        }
      });

      it('is missing no section and has its sections in order', () => {
        const document = analyser.analyse(text, 'new-story.md');
        const findings = lintDocument(document, DEFAULT_CONFIG).map((f) => f.rule);
        for (const structural of ['STAR001', 'STAR002', 'STAR003', 'STAR004']) assert.ok(!findings.includes(structural), `${structural} in ${findings.join(', ')}`);
      });

      it('has labels the highlighting grammar scopes, in the same order', async () => {
        const tokenise = await tokeniser();
        const labelled = tokenise(text).flatMap((t) => {
          const scope = t.scopes.find((s) => /^entity\.name\.function\.label\.[a-z]+\.star$/.test(s));
          return scope ? [scope.split('.')[4]] : [];
        });
        const expected = promise.roles.map((r) => (r === 'situation' && promise.framework === 'CAR' ? 'challenge' : r));
        assert.deepEqual(labelled, expected);
      });
    });
  }

  it('star-story-bold gives each section the default share of a 150-second story', () => {
    const { stories } = analyser.analyse(render(bodyOf(byPrefix('star-story-bold'))).text, 'new-story.md');
    const share: Record<string, number> = { situation: 0.15, task: 0.1, action: 0.55, result: 0.2 };
    for (const section of stories[0].sections) {
      assert.ok(section.targetSeconds, `${section.role} has no timing hint`);
      const [min, max] = section.targetSeconds;
      assert.equal(min, max);
      assert.ok(Math.abs(min - 150 * share[section.role]) <= 5, `${section.role}: ${min}s`);
    }
  });

  it('star-followups gives the story above two follow-up questions', () => {
    const story = render(bodyOf(byPrefix('star-story-headings'))).text.replace(/\n$/, '');
    const followUps = render(bodyOf(byPrefix('star-followups'))).text;
    const { stories } = analyser.analyse(`${story}\n\n${followUps}`, 'new-story.md');
    assert.equal(stories.length, 1);
    assert.deepEqual(stories[0].followUps.map((f) => f.question), [
      'What would you do differently next time?',
      'How did you know it worked?',
    ]);
    assert.deepEqual(stories[0].sections.map((s) => s.role), ['situation', 'task', 'action', 'result']);
  });

  it('star-metric, filled in, is a before → after pair whose claim the metric check reads', () => {
    const snippet = bodyOf(byPrefix('star-metric'));
    const holds = render(snippet, { 1: 'p95 latency', 2: '450ms', 3: '180ms', 4: '60', 5: 'improvement' }).text;
    const [change] = findMetricChanges(holds);
    assert.ok(change, holds);
    assert.equal(change.claims.length, 1, holds);
    assert.equal(change.holds, true, holds);
    const wrong = render(snippet, { 2: '$50K', 3: '$40K', 4: '50', 5: 'reduction' }).text;
    assert.equal(findMetricChanges(wrong)[0]?.holds, false, wrong);
  });

  it('the directive snippets write comments the linter obeys', () => {
    for (const prefix of ['star-disable', 'star-disable-next-line']) {
      const { tabStops } = render(bodyOf(byPrefix(prefix)));
      assert.deepEqual(tabStops.find((t) => t.choices)?.choices, RULE_CODES, prefix);
    }
    // A story whose Result has no number: STAR005 is reported on its Result label.
    const story = '## Outage\n\n### Situation\nWe were down.\n\n### Task\nI owned it.\n\n### Action\nI rolled back.\n\n### Result\nIt worked.\n';
    const rules = (text: string) => lintDocument(analyser.analyse(text, 'story.md'), DEFAULT_CONFIG).map((f) => f.rule);
    const directive = (prefix: string, fill: Record<number, string> = {}) => render(bodyOf(byPrefix(prefix)), fill).text;
    const beforeResult = (text: string, inserted: string) => text.replace('### Result', `${inserted}\n### Result`);
    assert.ok(rules(story).includes('STAR005'));
    assert.deepEqual(rules(`${directive('star-disable-file')}\n\n${story}`), []);
    assert.ok(!rules(`${directive('star-disable', { 1: 'STAR005' })}\n\n${story}`).includes('STAR005'));
    const reEnabled = beforeResult(`${directive('star-disable', { 1: 'STAR005' })}\n\n${story}`, directive('star-enable'));
    assert.ok(rules(reEnabled).includes('STAR005'));
    assert.ok(!rules(beforeResult(story, directive('star-disable-next-line', { 1: 'STAR005' }))).includes('STAR005'));
  });

  it('star-opt-in makes a section with two labels a story', () => {
    const text = '## Outage\n\n**Context:** we were down.\n\n**Outcome:** back in 5 minutes.\n';
    assert.equal(analyser.analyse(text, 'story.md').stories.length, 0);
    const optedIn = text.replace('## Outage\n', `## Outage\n\n${render(bodyOf(byPrefix('star-opt-in'))).text}\n`);
    assert.equal(analyser.analyse(optedIn, 'story.md').stories.length, 1);
  });
});

describe('highlighting grammar', () => {
  it('knows the same label words as the core lexicon', async () => {
    const { LABEL_WORDS } = await import('../grammar/build-grammar.mjs');
    assert.deepEqual(LABEL_WORDS, DEFAULT_LEXICON);
  });

  it('is the grammar build-grammar.mjs generates', async () => {
    const { grammarText } = await import('../grammar/build-grammar.mjs');
    assert.equal(readFileSync(GRAMMAR_FILE, 'utf8'), grammarText(), 'run `node test/grammar/build-grammar.mjs`');
  });

  it('scopes every lexicon word as a label of its role, in heading and bold form', async () => {
    const tokenise = await tokeniser();
    for (const [kind, words] of Object.entries(DEFAULT_LEXICON)) {
      for (const word of words) {
        const titled = word.replace(/\b\w/g, (c) => c.toUpperCase());
        for (const line of [`### ${titled}`, `**${titled}:** text`, `- **${word.toUpperCase()}**`]) {
          const scoped = tokenise(line).filter((t) => t.scopes.includes(`entity.name.function.label.${kind}.star`));
          assert.deepEqual(scoped.map((t) => t.text.toLowerCase().replace(/\s+/g, ' ')), [word], line);
        }
      }
    }
  });
});

