// Renders docs/rules.md from the rule catalogue, so the docs never drift from the code.
// `npm run docs:rules` writes it; a unit test fails when it is out of date.
import { RULES } from '../src/core/lint/rules';

export function rulesMarkdown(): string {
  const out = [
    '# Rules',
    '',
    'Every rule can be set to `off`, `info`, `warning` or `error` by code or name in `.starstories.json`',
    '(`{"rules": {"STAR007": "off", "too-long": "warning"}}`) or the `starStories.rules` setting, and',
    'silenced inline with `<!-- star-stories-disable-next-line STAR005 -->`, `<!-- star-stories-disable STAR008 -->`',
    '… `<!-- star-stories-enable -->`, or `<!-- star-stories-disable-file -->`. Every finding also offers',
    '"disable this rule on this line" and "… in this file" as quick fixes (only the second inside front matter,',
    'a code block or an HTML comment left open, where a comment is not a directive).',
    '',
    '| code | name | default | fix |',
    '|---|---|---|---|',
    ...RULES.map((r) => `| [${r.code}](#${r.code.toLowerCase()}) | ${r.name} | ${r.defaultSeverity} | ${r.fix ?? '—'} |`),
    '',
  ];
  for (const r of RULES) {
    out.push(`## ${r.code}`, '', `**${r.name}** · default severity: ${r.defaultSeverity}`, '', r.description, '', 'Flagged:', '', '```markdown', r.bad, '```', '', 'Better:', '', '```markdown', r.good, '```', '');
  }
  return out.join('\n');
}

if (require.main === module) {
  require('node:fs').writeFileSync(require('node:path').join(__dirname, '..', 'docs', 'rules.md'), rulesMarkdown());
}
