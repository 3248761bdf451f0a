import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesMarkdown } from '../../scripts/rulesDoc';
import { RULES } from '../../src/core/lint/rules';

describe('docs/rules.md', () => {
  it('is generated from the rule catalogue (run `npm run docs:rules` after changing a rule)', () => {
    assert.equal(readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8'), rulesMarkdown());
  });

  it('has one anchor per rule, in code order, with unique codes and names', () => {
    const codes = RULES.map((r) => r.code);
    assert.deepEqual(codes, [...codes].sort());
    assert.equal(new Set(RULES.map((r) => r.name)).size, RULES.length);
    for (const r of RULES) assert.match(rulesMarkdown(), new RegExp(`^## ${r.code}$`, 'm'));
  });
});
