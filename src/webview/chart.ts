// Past attempts as an inline SVG: one stacked bar per attempt (a segment per section, coloured by role
// through theme variables in the stylesheet), a tick at each attempt's target, a time axis.
import type { AttemptView } from '../rehearsal/protocol';
import { s } from './dom';
import { clock } from './run';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 14, right: 12, bottom: 34, left: 44 };
const MAX_BARS = 12;

function niceStep(max: number): number {
  for (const step of [15, 30, 60, 120, 300, 600, 1800, 3600]) if (max / step <= 5) return step;
  return 7200;
}

function shortDate(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

export function historyChart(history: AttemptView[]): SVGSVGElement {
  const attempts = history.slice(-MAX_BARS);
  const max = Math.max(30, ...attempts.map((a) => Math.max(a.totalSeconds, a.target[1]))) * 1.08;
  const step = niceStep(max);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (seconds: number) => PAD.top + plotH - (seconds / max) * plotH;
  const slot = plotW / Math.max(attempts.length, 6);
  const barW = Math.min(34, slot * 0.62);

  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    class: 'chart',
    'aria-label': `Past attempts: ${attempts.map((a) => `${shortDate(a.at)} ${clock(a.totalSeconds)}`).join(', ')}`,
  });
  const grid = s('g', { class: 'grid' });
  for (let t = 0; t <= max; t += step) {
    grid.append(
      s('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(t), y2: y(t), class: t === 0 ? 'axis' : 'gridline' }),
      s('text', { x: PAD.left - 8, y: y(t) + 4, 'text-anchor': 'end', class: 'tick' }, clock(t)),
    );
  }
  svg.append(grid);

  attempts.forEach((attempt, i) => {
    const x = PAD.left + slot * i + (slot - barW) / 2;
    const group = s('g', { class: `attempt${attempt.completed ? '' : ' stopped'}${i === attempts.length - 1 ? ' latest' : ''}` });
    let base = 0;
    for (const section of attempt.sections) {
      if (section.seconds <= 0) continue;
      const top = y(base + section.seconds);
      group.append(
        s('rect', { x, y: top, width: barW, height: Math.max(0.5, y(base) - top), class: `seg role-${section.role}` },
          s('title', {}, `${section.role}: ${clock(section.seconds)}`)),
      );
      base += section.seconds;
    }
    const over = attempt.totalSeconds > attempt.target[1] * 1.1;
    group.append(
      s('line', { x1: x - 4, x2: x + barW + 4, y1: y(attempt.target[1]), y2: y(attempt.target[1]), class: 'target' }),
      s('text', { x: x + barW / 2, y: y(attempt.totalSeconds) - 5, 'text-anchor': 'middle', class: `total${over ? ' over' : ''}` }, clock(attempt.totalSeconds)),
      s('text', { x: x + barW / 2, y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle', class: 'tick' }, shortDate(attempt.at)),
    );
    if (attempt.mode === 'cut') group.append(s('text', { x: x + barW / 2, y: HEIGHT - PAD.bottom + 28, 'text-anchor': 'middle', class: 'tick' }, '60 s'));
    svg.append(group);
  });
  return svg;
}
