import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoryAnalyser } from '../../src/core/analyse';
import { buildLexicon, lookupLabel, normaliseLabel, parseTimingHint } from '../../src/core/read/lexicon';
import { random } from '../../bench/corpus';
import type { Story } from '../../src/core/model';

const analyser = new StoryAnalyser();
const stories = (text: string, file = 'story.md'): Story[] => analyser.analyse(text, file).stories;
/** `[role, 1-based label line]` for each section of the only story in `text`. */
function sections(text: string): [string, number][] {
  const found = stories(text);
  assert.equal(found.length, 1, `expected one story, got ${found.map((s) => s.title).join(' | ') || 'none'}`);
  return found[0].sections.map((s) => [s.role, s.labelRange.start.line + 1]);
}

describe('label forms', () => {
  it('reads ATX heading labels, with numbering, emoji and timing hints', () => {
    const text = '## Outage\n\n### 1. Situation (15 seconds)\nA\n\n### 🎯 Task\nB\n\n### Step 3: Action\nC\n\n### Result:\nD\n';
    assert.deepEqual(sections(text), [['situation', 3], ['task', 6], ['action', 9], ['result', 12]]);
    assert.deepEqual(stories(text)[0].sections[0].targetSeconds, [15, 15]);
  });

  it('reads setext heading labels', () => {
    const text = 'Outage\n======\n\nSituation\n---------\nA\n\nTask\n----\nB\n\nAction\n------\nC\n\nResult\n------\nD\n';
    assert.deepEqual(sections(text), [['situation', 4], ['task', 8], ['action', 12], ['result', 16]]);
  });

  it('reads a paragraph that is only bold text, and bold text opening a paragraph', () => {
    const text = '## Outage\n\n**SITUATION (Context Setting - 30 seconds)**\n"We were down."\n\n**Task:** I owned the fix.\n\n**Action:**\n\nI rolled back.\n\n**Result:** 0 errors.\n';
    assert.deepEqual(sections(text), [['situation', 3], ['task', 6], ['action', 8], ['result', 12]]);
    assert.deepEqual(stories(text)[0].sections[0].targetSeconds, [30, 30]);
  });

  it('reads a label after a soft line break in the middle of a paragraph', () => {
    const text = '## Outage\n\n**Situation:** We were down.\n**Task:** I owned the fix.\n**Action:** I rolled back.\n**Result:** 0 errors in 30 days.\n';
    assert.deepEqual(sections(text), [['situation', 3], ['task', 4], ['action', 5], ['result', 6]]);
    assert.equal(stories(text)[0].sections[1].text, 'I owned the fix.');
  });

  it('reads `**The Setup**:` with the colon outside the bold', () => {
    const text = '## Pitch\n\n**The Setup**: "I built a platform."\n\n**The Problem**: "It was slow."\n\n**The Solution**: "I cached."\n\n**The Impact**: "Twice as fast."\n';
    const [story] = stories(text);
    assert.deepEqual(story.sections.map((s) => [s.role, s.keyword]), [
      ['situation', 'the setup'], ['task', 'the problem'], ['action', 'the solution'], ['result', 'the impact'],
    ]);
    assert.equal(story.sections[0].text, '"I built a platform."');
  });

  it('reads bold labels opening top-level list items, with nested items as content', () => {
    const text = '### Process\n- **Challenge:** priorities clashed\n    - **Result:** nested, so content\n- **Solutions:** a clear process\n- **Result:** on time\n';
    const [story] = stories(text);
    assert.deepEqual(story.sections.map((s) => [s.role, s.labelRange.start.line + 1]), [['situation', 2], ['action', 4], ['result', 5]]);
    assert.equal(story.framework, 'CAR');
    assert.match(story.sections[0].text, /nested, so content/);
  });

  it('treats bold and list labels inside a heading-labelled section as content', () => {
    const text = '## Leak\n### Situation\nA\n### Task\nB\n### Action\nC\n### Result\n- **Learning**: wrote it down\n';
    const [story] = stories(text);
    assert.equal(story.framework, 'STAR');
    assert.deepEqual(story.sections.map((s) => s.role), ['situation', 'task', 'action', 'result']);
  });

  it('does not take bold text followed by more words for a label', () => {
    assert.deepEqual(stories('## Notes\n\n**Situation** awareness matters.\n\n**Task** lists help.\n\n**Action** items follow.\n'), []);
  });
});

describe('label normalisation', () => {
  const cases: [string, string][] = [
    ['  Situation  ', 'situation'],
    ['🎯 Task', 'task'],
    ['1. Situation', 'situation'],
    ['Step 2: Action', 'action'],
    ['S – Situation', 'situation'],
    ['S: Situation', 'situation'],
    ['(S) Situation', 'situation'],
    ['Result:', 'result'],
    ['Result.', 'result'],
    ['Action (What You Did - 90-120 seconds)', 'action'],
    ['Situation - 30 seconds', 'situation'],
    ['THE SETUP', 'the setup'],
  ];
  for (const [raw, want] of cases) it(`normalises ${JSON.stringify(raw)} to ${JSON.stringify(want)}`, () => assert.equal(normaliseLabel(raw), want));

  it('matches whole labels only', () => {
    const text = '## Review\n\n**Business Impact:** big\n\n**The Problems:** many\n\n**Key Metrics:** some\n\n**Initial challenges**: flaky tests\n';
    assert.deepEqual(stories(text), []);
  });
});

describe('timing hints', () => {
  const cases: [string, [number, number] | undefined][] = [
    ['Situation (30 seconds)', [30, 30]],
    ['SITUATION (Context Setting - 30 seconds)', [30, 30]],
    ['Action (90-120 seconds)', [90, 120]],
    ['Story (2-3 minutes)', [120, 180]],
    ['Task (15s)', [15, 15]],
    ['Situation - 30 seconds', [30, 30]],
    ['PIPELINE (4H → 30MIN)', undefined],
    ['Phase 1 (Week 1-2)', undefined],
  ];
  for (const [text, want] of cases) it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(parseTimingHint(text), want));
});

describe('what is never a label', () => {
  it('ignores labels in fenced, indented and inline code, and in HTML', () => {
    const text = [
      '## Demo', '', '```md', '**Situation:** in a fence', '### Task', '```', '',
      '    **Action:** indented code', '', '`**Result:**` inline code', '', '<div>', '**Task:** in html', '</div>', '',
    ].join('\n');
    assert.deepEqual(stories(text), []);
  });

  it('ignores labels inside a follow-up section and collects its questions', () => {
    const text = [
      '## Outage', '### Situation', 'A', '### Task', 'B', '### Action', 'C', '### Result', 'D',
      '### Follow-up questions', '**Q: What went wrong?**', '', '**Situation:** not a label here', '', '- Why not roll back?', '', '**Result:** still content',
    ].join('\n');
    const [story] = stories(text);
    assert.equal(story.sections.length, 4);
    assert.deepEqual(story.followUps.map((f) => [f.question, f.range.start.line + 1]), [['What went wrong?', 11], ['Why not roll back?', 15]]);
    assert.equal(story.sections[3].contentRange.end.line + 1, 9, 'the Result ends where the follow-up section starts');
  });

  it('ignores labels in link text, and in tables other than a two-column table of labels', () => {
    assert.deepEqual(stories('## Links\n\n[**Situation:**](a) x\n\n[**Task:**](b) y\n'), []);
    assert.deepEqual(stories('## Wide\n\n| **Task:** | b | x |\n|---|---|---|\n| **Action:** | c | y |\n'), []);
  });

  it('reads a two-column table whose first column holds the labels: each section is its cell (issue 15)', () => {
    const [story] = stories('## Checkout\n\n| Part | Detail |\n|---|---|\n| **Situation** | Checkout failed at peak. |\n| Task: | I owned the fix. |\n| **Action** | I raised the pool limit. |\n| **Result** | Failures fell from 3% to 0.1%. |\n');
    assert.deepEqual(story.sections.map((s) => [s.role, s.form, s.labelRange.start.line, s.text]), [
      ['situation', 'table', 4, 'Checkout failed at peak.'],
      ['task', 'table', 5, 'I owned the fix.'],
      ['action', 'table', 6, 'I raised the pool limit.'],
      ['result', 'table', 7, 'Failures fell from 3% to 0.1%.'],
    ]);
    // The content range is the cell, not the pipes around it.
    assert.deepEqual(story.sections[0].contentRange, { start: { line: 4, character: 18 }, end: { line: 4, character: 42 } });
  });
});

describe('story assembly', () => {
  it('titles a generic heading by its parent and grows the story to the parent section', () => {
    const text = '## Q1: Conflict\n\n### Sample Answer\n\n**Situation:** a\n\n**Task:** b\n\n**Action:** c\n\n**Result:** 2x\n\n### Follow-up\n\n- Would you do it again?\n';
    const [story] = stories(text);
    assert.equal(story.title, 'Q1: Conflict');
    assert.equal(story.range.start.line, 0);
    assert.equal(story.followUps.length, 1);
  });

  it('takes the front-matter title for labels at the top of a file, and starts at the first label', () => {
    const text = '---\ntitle: Saving the launch\ntags: [leadership, deadline]\n---\nIntro line.\n\n**Situation:** a\n**Task:** b\n**Action:** c\n**Result:** d\n';
    const [story] = stories(text);
    assert.equal(story.title, 'Saving the launch');
    assert.deepEqual(story.tags, ['leadership', 'deadline']);
    assert.equal(story.range.start.line + 1, 7);
  });

  it('falls back to the question, then the file name, for the title', () => {
    const body = '**Situation:** a\n**Task:** b\n**Action:** c\n**Result:** d\n';
    assert.equal(stories(`---\nquestion: Tell me about a failure\n---\n${body}`)[0].title, 'Tell me about a failure');
    assert.equal(stories(body, 'notes/launch-story.md')[0].title, 'launch-story');
  });

  it('splits a container holding a second run into two stories', () => {
    const text = '## Two in one\n\n**Situation:** a\n**Task:** b\n**Action:** c\n**Result:** d\n\n**Situation:** e\n**Task:** f\n**Action:** g\n**Result:** h\n';
    const found = stories(text);
    assert.deepEqual(found.map((s) => [s.title, s.range.start.line + 1]), [['Two in one', 1], ['Two in one (2)', 8]]);
    assert.equal(found[0].sections[3].contentRange.end.line + 1, 6);
  });

  it('needs three roles, or two canonical words, or an opt-in', () => {
    assert.equal(stories('## A\n**Situation:** a\n**Task:** b\n').length, 1);
    assert.equal(stories('## B\n**Context:** a\n**Goal:** b\n').length, 0);
    assert.equal(stories('## C\n<!-- star-story -->\n**Context:** a\n').length, 1);
    assert.equal(stories('---\nstar: true\n---\nJust a draft.\n').length, 1);
  });

  it('names the frameworks', () => {
    const fw = (labels: string[]) => stories(`## S\n${labels.map((l) => `**${l}:** x`).join('\n')}\n`)[0]?.framework;
    assert.equal(fw(['Situation', 'Task', 'Action', 'Result', 'Learning']), 'STARL');
    assert.equal(fw(['Situation', 'Obstacle', 'Action', 'Result']), 'SOAR');
    assert.equal(fw(['Challenge', 'Action', 'Result']), 'CAR');
    assert.equal(fw(['Context', 'Action', 'Result']), 'CAR');
    assert.equal(fw(['Problem', 'Action', 'Result']), 'PAR');
    assert.equal(fw(['Situation', 'Problem', 'Action', 'Result']), 'STAR');
  });

  it('reads tags and the question from lines inside the story and from a quoted-question heading', () => {
    const text = '### Q7: "Tell me about a conflict"\n\nTags: conflict, #influence\n\n**Situation:** a\n**Task:** b\n**Action:** c\n**Result:** d\n';
    const [story] = stories(text);
    assert.deepEqual(story.tags, ['conflict', 'influence']);
    assert.equal(story.question, 'Tell me about a conflict');
    assert.equal(stories('## S\nQuestion: Why you?\n\n**Situation:** a\n**Task:** b\n**Action:** c\n')[0].question, 'Why you?');
  });

  it('counts words without code blocks and keeps ids stable across edits elsewhere', () => {
    const text = '## Cache\n### Situation\nSlow API, 3 s p95.\n### Task\nFix it.\n### Action\nI cached tokens.\n```js\nconst a = 1; const b = 2;\n```\n### Result\n95% hits.\n';
    const [story] = stories(text, 'a.md');
    // Slow / API / 3 / s / p95 — Fix / it — I / cached / tokens (the code block counts 0) — 95 / hits
    assert.deepEqual(story.sections.map((s) => s.words), [5, 2, 3, 2]);
    const [edited] = stories(text.replace('Fix it.', 'Fix it fast.'), 'a.md');
    assert.equal(edited.id, story.id);
  });
});

describe('line endings and encodings', () => {
  const lf = '## Outage\n\n**Situation:** We were down.\n**Task:** Fix.\n**Action:** Rolled back.\n**Result:** 0 errors.\n';
  it('keeps line numbers with CRLF endings', () => {
    assert.deepEqual(sections(lf.replace(/\n/g, '\r\n')), sections(lf));
    const [story] = stories(lf.replace(/\n/g, '\r\n'));
    assert.equal(story.sections[1].text, 'Fix.');
  });
  it('reads a bold label on a line of its own when the line ends in CRLF or CR (found by fuzzing)', () => {
    const text = '## Outage\n\n**Situation**\nWe were down.\n\n**Task**\nFix it.\n\n**Result**\n0 errors.\n';
    const want: [string, number][] = [['situation', 3], ['task', 6], ['result', 9]];
    assert.deepEqual(sections(text), want);
    assert.deepEqual(sections(text.replace(/\n/g, '\r\n')), want);
    assert.deepEqual(sections(text.replace(/\n/g, '\r')), want);
    assert.equal(stories(text.replace(/\n/g, '\r\n'))[0].sections[1].text, 'Fix it.');
  });
  it('reads front matter and trims a closing thematic break with CR line endings (found by fuzzing)', () => {
    const text = '---\ntitle: Outage\ntags: [ownership]\n---\n**Situation:** a\n**Task:** b\n**Action:** c\n**Result:** d 5%\n\n---\n';
    for (const eol of ['\n', '\r\n', '\r']) {
      const [story] = stories(text.replace(/\n/g, eol));
      assert.equal(story.title, 'Outage', JSON.stringify(eol));
      assert.deepEqual(story.tags, ['ownership'], JSON.stringify(eol));
      assert.deepEqual(story.range.end, { line: 7, character: 16 }, JSON.stringify(eol));
    }
  });
  it('keeps line numbers and characters after a BOM', () => {
    const [plain] = stories(lf);
    const [bom] = stories(`\uFEFF${lf}`);
    assert.deepEqual(bom.sections.map((s) => s.labelRange), plain.sections.map((s) => ({
      start: { ...s.labelRange.start, character: s.labelRange.start.character + (s.labelRange.start.line === 0 ? 1 : 0) },
      end: { ...s.labelRange.end, character: s.labelRange.end.character + (s.labelRange.end.line === 0 ? 1 : 0) },
    })));
  });
  it('measures characters in UTF-16 code units after emoji and tabs', () => {
    const [story] = stories('## 🎯 Launch\n\n- **🎯 Situation:**\ta\n-\t**Task:** b\n- **Action:** c\n- **Result:** d\n');
    // "- **🎯 Situation:**": the bold starts at 2 and ends at 2 + 2 + 2 (🎯 is two code units) + 11 + 2 = 19.
    assert.deepEqual(story.sections[0].labelRange, { start: { line: 2, character: 2 }, end: { line: 2, character: 19 } });
    // "-\t**Task:**": one code unit for the tab.
    assert.deepEqual(story.sections[1].labelRange.start, { line: 3, character: 2 });
  });
});

describe('Markdown that holds no story', () => {
  const dir = join(__dirname, '..', 'fixtures', 'negative');
  for (const file of readdirSync(dir)) {
    it(`finds no story in ${file}`, () => assert.deepEqual(stories(readFileSync(join(dir, file), 'utf8'), file).map((s) => s.title), []));
  }
});

describe('label look-up', () => {
  it('finds exactly the labels the normal form finds, for words of the lexicon with noise around them', () => {
    const lexicon = buildLexicon({ action: ["what we'd do", 'step (a)', 'ΑΠΟΤΕΛΕΣΜΑ'], result: ['İş sonucu'] });
    const words = [...lexicon.keys(), 'Situation', 'STEPS  TAKEN', 'What I did', 'what i’d do', 'ΑΠΟΤΕΛΕΣΜΑΣ', 'İŞ SONUCU', 'Heading 12'];
    const noise = ['', '1. ', 'Step 2: ', '(a) ', 'A - ', '**', ':', ' (30 seconds)', ' - 2 minutes', '!!', '\u00a0', '\t', ' ’', "'"];
    const next = random(3);
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
    for (let i = 0; i < 20000; i++) {
      const word = pick(words);
      const cased = next() < 0.3 ? word.toUpperCase() : next() < 0.5 ? word.toLowerCase() : word;
      const spaced = cased.replace(/ /g, () => pick([' ', '  ', '\t', '\u00a0']));
      const raw = `${pick(noise)}${pick(noise)}${spaced}${pick(noise)}${pick(noise)}`;
      const kind = lexicon.get(normaliseLabel(raw));
      assert.deepEqual(lookupLabel(lexicon, raw), kind && { kind, keyword: normaliseLabel(raw) }, JSON.stringify(raw));
    }
  });
});
