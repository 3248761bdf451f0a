// The report's verdict words and its table: time per section against its target, and the total.
import type { AttemptView, ReportView, Target } from '../rehearsal/protocol';
import { h } from './dom';
import { clock, delta, targetText } from './run';

export const GRADE_WORDS: Record<ReportView['grade'], string> = {
  good: 'On target',
  under: 'Too short',
  over: 'A little long',
  'well-over': 'Well over time',
  stopped: 'Stopped early',
};

/** Seconds past the target's upper end, or (negative) short of its lower end; 0 inside it. */
function offTarget(seconds: number, [min, max]: Target): number {
  return seconds > max ? seconds - max : Math.min(0, seconds - min);
}

export function reportTable(attempt: AttemptView, report: ReportView): HTMLElement {
  return h(
    'table',
    { class: 'rows' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Section'), h('th', {}, 'Time'), h('th', {}, 'Target'), h('th', {}, '±'))),
    h(
      'tbody',
      {},
      ...report.rows.map((r) =>
        h(
          'tr',
          { class: `status-${r.status}` },
          h('td', {}, r.name),
          h('td', {}, r.status === 'skipped' ? '—' : clock(r.seconds)),
          h('td', {}, targetText(r.target)),
          h('td', {}, r.status === 'skipped' ? 'not reached' : delta(offTarget(r.seconds, r.target))),
        ),
      ),
      h('tr', { class: 'total' }, h('td', {}, 'Total'), h('td', {}, clock(attempt.totalSeconds)), h('td', {}, targetText(attempt.target)), h('td', {}, delta(offTarget(attempt.totalSeconds, attempt.target)))),
    ),
  );
}
