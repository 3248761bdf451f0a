import { findMetricChanges, formatQuantity } from '../metrics';
import type { StoryRule } from './rule';
import { rangeAt, sectionSource } from './text';

export const metricMath: StoryRule = {
  scope: 'story',
  code: 'STAR006',
  name: 'metric-math',
  defaultSeverity: 'warning',
  fix: 'replace the claim with the computed value',
  description:
    'A stated change does not match its own numbers: `$50K → $40K (50% reduction)` is a 20% reduction. A claim holds when it matches the relative change, the ratio (for `3x`), or the difference in points between two percentages, within ±1 in its last digit; ranges and units (1.8 s → 420 ms) are taken into account. Interviewers who do the sum notice.',
  bad: 'Compute spend went from $50K → $40K (50% reduction).',
  good: 'Compute spend went from $50K → $40K (20% reduction).',
  check(story, { document }) {
    return story.sections.flatMap((section) => {
      const { text, offset } = sectionSource(document, section);
      return findMetricChanges(text).flatMap((change) => change.claims
        .filter((claim) => claim.holds === false)
        .map((claim) => {
          const pair = `${formatQuantity(change.before)} → ${formatQuantity(change.after)}`;
          const fixes = claim.expected
            ? [{
              title: `Replace ${claim.valueText} with ${claim.expected}`,
              edits: [{ range: rangeAt(document, offset, claim.valueStart, claim.valueEnd), newText: claim.expected }],
              safe: true,
            }]
            : [];
          return {
            message: `'${claim.text}' does not match ${pair}${claim.expected ? ` — the numbers give ${claim.expected}` : ''}.`,
            range: rangeAt(document, offset, claim.start, claim.end),
            fixes,
          };
        }));
    });
  },
};
