// STAR011: text decoded with the wrong code page. The mojibake strings are what Windows-1252 and Mac
// Roman make of the UTF-8 bytes of → (E2 86 92) and 🎯 (F0 9F 8E AF), checked with iconv-lite by hand.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { StoryAnalyser } from '../../src/core/analyse';
import { mergeConfig } from '../../src/core/lint/config';
import { findMojibake, findMojibakeInParts, MojibakeScanner, repairMojibake } from '../../src/core/read/encoding';
import { applyEdits } from '../../src/core/lint/fix';
import { lintDocument } from '../../src/core/lint/lint';

const misread = (text: string, codepage: string) => iconv.decode(Buffer.from(text, 'utf8'), codepage);

describe('encoding: mojibake', () => {
  it('knows what the code pages make of → and 🎯', () => {
    assert.equal(misread('→', 'windows-1252'), 'â†’');
    assert.equal(misread('→', 'macintosh'), '‚Üí');
    // Mac Roman's F0 is the Apple logo (U+F8FF, private use); iconv-lite leaves it undefined and many
    // tools drop it, so 🎯 shows as üéØ.
    assert.equal(misread('🎯', 'macintosh'), '\ufffdüéØ');
  });

  it('finds and repairs Windows-1252 and Mac Roman runs', () => {
    const cp1252 = findMojibake('decode â†’ upload');
    assert.equal(cp1252.length, 1);
    assert.equal(cp1252[0].codepage, 'windows-1252');
    assert.equal(cp1252[0].repaired, '→');
    assert.equal('decode â†’ upload'.slice(cp1252[0].start, cp1252[0].end), 'â†’');
    const mac = findMojibake('40 min ‚Üí 5 min');
    assert.equal(mac[0].codepage, 'macintosh');
    assert.equal(repairMojibake('40 min ‚Üí 5 min \uf8ffüéØ'), '40 min → 5 min 🎯');
    assert.equal(repairMojibake('## ðŸŽ¯ What is STAR?'), '## 🎯 What is STAR?');
  });

  it('repairs every sentence the code pages can garble, and leaves correct text alone', () => {
    const sentences = ['Café “naïve” — 40 min → 5 min, 🎯 déjà vu', 'Zürich – €120K → €90K', 'Ελληνικά και русский'];
    for (const sentence of sentences) {
      assert.deepEqual(findMojibake(sentence), [], `correct text: ${sentence}`);
      for (const cp of ['windows-1252', 'macintosh']) {
        const garbled = misread(sentence, cp);
        if (garbled.includes('\ufffd')) continue;
        assert.equal(repairMojibake(garbled), sentence, `${cp}: ${garbled}`);
      }
    }
  });

  it('finds the same runs in a text read as its chunks as in the whole text', () => {
    const seed = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', '001_0100f59d336e01c0.md'), 'utf8');
    const frontMatter = '---\ntitle: CafÃ©\n---\n';
    for (const text of [seed, `${frontMatter}${seed}\n## Mac\n40 min ‚Üí 5 min\n`, 'no lines at all â†’', '']) {
      const analysed = new StoryAnalyser().analyse(text, 'f.md');
      assert.ok(analysed.pieces.length > 1 || text.length < 100);
      assert.deepEqual(findMojibakeInParts(analysed.pieces), findMojibake(text));
    }
  });

  it('finds, scanning each version of an edited text, what the whole text holds', () => {
    let text = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', '001_0100f59d336e01c0.md'), 'utf8');
    const analyser = new StoryAnalyser();
    const scanner = new MojibakeScanner();
    const edits = ['â†’ ', '\n## New\nâ€™\n', '', 'x', '\n'];
    for (let i = 0; i < 40; i++) {
      const at = (i * 7919) % text.length;
      text = i % 3 === 2 ? text.slice(0, at) + text.slice(at + 30) : text.slice(0, at) + edits[i % edits.length] + text.slice(at);
      assert.deepEqual(scanner.find(analyser.analyse(text, 'f.md').pieces), findMojibake(text), `after edit ${i + 1}`);
    }
  });

  it('does not take a capital letter next to a symbol for mojibake', () => {
    const text = 'CAFÉ” and Ã© are different things';
    assert.deepEqual(findMojibake(text).map((r) => text.slice(r.start, r.end)), ['Ã©']);
    assert.deepEqual(findMojibake('CAFÉ”'), []);
  });
});

describe('STAR011 on seed 001', () => {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', '001_0100f59d336e01c0.md'), 'utf8');
  const analyser = new StoryAnalyser();
  const findings = lintDocument(analyser.analyse(text, 'seed.md'), mergeConfig()).filter((f) => f.rule === 'STAR011');

  it('reports one finding per affected line', () => {
    const lines = findings.map((f) => f.range.start.line);
    assert.equal(new Set(lines).size, lines.length);
    const affected = text.split('\n').map((l, i) => (/â†’|ðŸ/.test(l) ? i : -1)).filter((i) => i >= 0);
    assert.deepEqual(lines, affected);
  });

  it('repairs the whole file with one fix and leaves every other line byte-identical', () => {
    const fix = findings[0].fixes?.[0];
    assert.ok(fix?.safe);
    const repaired = applyEdits(analyser.analyse(text, 'seed.md'), fix.edits);
    assert.ok(!/â†’|ðŸ/.test(repaired));
    const before = text.split('\n');
    const after = repaired.split('\n');
    assert.equal(after.length, before.length);
    const affected = new Set(findings.map((f) => f.range.start.line));
    before.forEach((line, i) => {
      if (!affected.has(i)) assert.equal(after[i], line, `line ${i + 1}`);
      else assert.equal(after[i], repairMojibake(line));
    });
    assert.deepEqual(lintDocument(analyser.analyse(repaired, 'seed.md'), mergeConfig()).filter((f) => f.rule === 'STAR011'), []);
  });
});
