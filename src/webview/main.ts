// The rehearsal panel's UI, in the webview. It shows one story at a time, times the speaker section by
// section, fades the script by mode, and after the attempt shows the report the host sends back.
// Everything from the host is checked with the protocol's validators; story text arrives as HTML the
// host sanitised (rehype-sanitize) or as plain text set through textContent. No inline handlers: the
// CSP allows only this nonce'd script. The attempt in progress lives in getState/setState, so hiding
// the panel or reloading the window does not lose it.
import {
  isHostMessage,
  MODES,
  type AttemptView,
  type ControlAction,
  type HostMessage,
  type Mode,
  type Screen,
  type StoryView,
  type Target,
  type WebviewMessage,
} from '../rehearsal/protocol';
import { historyChart } from './chart';
import { cueView } from './cue';
import { GRADE_WORDS, reportTable } from './reportTable';
import { host, restoredState, type Report } from './state';
import { button, h, kbd, setSanitisedHtml, setSize } from './dom';
import { clock, currentIndex, elapsedSeconds, finishRun, nextSection, previousSection, sectionSeconds, startRun, targetText } from './run';

const DRILL_SECONDS = 60;
const MODE_NAMES: Record<Mode, string> = { full: 'Full text', cue: 'Cue cards', labels: 'Labels only', blank: 'Blank', cut: '60-second cut' };

const state = restoredState();
let story: StoryView | undefined;
let history: AttemptView[] = [];
let due = '';
let revealed = -1;

// ---- security telemetry: a story must never trigger the CSP (the e2e test reads this) ---------------

let cspViolations = 0;
document.body.dataset.cspViolations = '0';
document.addEventListener('securitypolicyviolation', (event) => {
  cspViolations++;
  document.body.dataset.cspViolations = String(cspViolations);
  console.warn(`STAR Stories: blocked by the content security policy: ${event.violatedDirective} ${event.blockedURI}`);
});

// ---- the clock's arithmetic for the story on screen ---------------------------------------------------

function sectionCount(): number {
  return story?.sections.length ?? 0;
}

function runMode(): Mode {
  return state.run?.mode ?? state.mode;
}

function sectionTarget(i: number): Target {
  if (!story) return [0, 0];
  return runMode() === 'cut' ? (story.cut[i]?.target ?? [0, 0]) : (story.sections[i]?.target ?? [0, 0]);
}

function storyTarget(): Target {
  if (!story) return [0, 0];
  if (runMode() !== 'cut') return story.target;
  const total = story.cut.reduce((sum, c) => sum + c.target[1], 0);
  return [total, total];
}

function screen(): Screen {
  return state.report ? 'report' : 'rehearse';
}

function save(): void {
  host.setState(state);
}

function post(message: WebviewMessage): void {
  host.postMessage(message);
}

// ---- actions (keys, buttons and the host's `control` messages) --------------------------------------

function next(): void {
  if (!story || state.report || state.saving) return;
  const now = Date.now();
  if (!state.run) state.run = startRun(state.mode, now);
  else if (!nextSection(state.run, sectionCount(), now)) return finish(true);
  revealed = -1;
  changed();
}

function back(): void {
  if (!state.run || state.run.endedAt !== undefined) return;
  previousSection(state.run);
  revealed = -1;
  changed();
}

function restart(): void {
  state.run = undefined;
  state.report = undefined;
  state.saving = false;
  state.drill = undefined;
  revealed = -1;
  changed();
}

function stop(): void {
  if (state.drill && state.drill.endedAt === undefined) {
    state.drill.endedAt = Date.now();
    return changed();
  }
  const run = state.run;
  if (!run || run.endedAt !== undefined) return;
  if (elapsedSeconds(run, Date.now()) < 1) return restart(); // pressed Esc straight after starting: nothing to keep
  finish(false);
}

function finish(completed: boolean): void {
  const run = state.run;
  if (!story || !run) return;
  const now = Date.now();
  finishRun(run, now, completed);
  const seconds = sectionSeconds(run, sectionCount(), now);
  state.saving = true;
  post({
    type: 'attempt',
    attempt: {
      storyKey: story.key,
      at: new Date(run.startedAt).toISOString(),
      mode: run.mode,
      completed,
      sections: story.sections.map((s, i) => ({ role: s.role, label: s.label, seconds: Math.round(seconds[i] * 10) / 10, target: sectionTarget(i) })),
    },
  });
  changed();
}

function reveal(): void {
  if (!state.run || state.run.endedAt !== undefined) return;
  revealed = revealed === currentIndex(state.run) ? -1 : currentIndex(state.run);
  changed();
}

function setMode(mode: Mode): void {
  if (state.run) return; // the mode of an attempt is fixed once it starts; use Reveal for a peek
  state.mode = mode;
  changed();
}

function startDrill(): void {
  state.drill = { startedAt: Date.now() };
  changed();
}

function control(action: ControlAction): void {
  ({ next, back, restart, stop } satisfies Record<ControlAction, () => void>)[action]();
}

window.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const onButton = event.target instanceof HTMLButtonElement;
  switch (event.key) {
    case ' ':
    case 'ArrowRight':
      if (onButton && event.key === ' ') return; // the focused button takes its own Space
      event.preventDefault();
      return next();
    case 'ArrowLeft':
      event.preventDefault();
      return back();
    case 'r':
    case 'R':
      return restart();
    case 'Escape':
      return stop();
    case 'v':
    case 'V':
      return reveal();
    case 'f':
    case 'F':
      if (state.report && !state.drill) startDrill();
      return;
  }
});

// ---- messages from the host -----------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) return; // not ours, or not well formed: ignored
  receive(message);
});

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'story': {
      const sameStory = state.storyKey === message.story.key && (!story || story.sections.length === message.story.sections.length);
      if (!sameStory || (message.reason === 'open' && story !== undefined && state.run?.endedAt !== undefined)) {
        state.run = undefined;
        state.report = undefined;
        state.saving = false;
        state.drill = undefined;
      }
      story = message.story;
      history = message.history;
      due = message.due;
      state.ref = message.ref;
      state.storyKey = message.story.key;
      return changed();
    }
    case 'report':
      state.saving = false;
      state.report = { attempt: message.attempt, report: message.report, history: message.history };
      history = message.history;
      due = message.report.due;
      return changed();
    case 'error':
      state.saving = false;
      state.run = undefined;
      changed();
      app.append(h('p', { class: 'error', role: 'alert' }, message.message));
      return;
    case 'control':
      return control(message.action);
  }
}

// ---- rendering ----------------------------------------------------------------------------------------

const app = document.getElementById('app')!;
/** Elements the ticker updates in place. */
let live: { storyTime?: HTMLElement; storyBar?: HTMLElement; sectionTime?: HTMLElement; sectionBar?: HTMLElement; stage?: HTMLElement; drillTime?: HTMLElement; drillBar?: HTMLElement } = {};

function changed(): void {
  save();
  render();
  if (story) {
    post({
      type: 'rendered',
      storyKey: story.key,
      sections: story.sections.map((s) => s.name),
      mode: runMode(),
      screen: screen(),
      section: state.run ? currentIndex(state.run) : -1,
    });
  }
}

function render(): void {
  if (!story) return;
  live = {};
  const s = story;
  document.title = `Rehearse: ${s.title}`;
  const head = h(
    'header',
    { class: 'story-head' },
    h('h1', {}, s.title),
    h('p', { class: 'meta' }, `${s.file} · ${s.framework} · target ${targetText(s.target)} · ${due}`),
    s.question ? h('p', { class: 'question' }, s.question) : null,
  );
  app.replaceChildren(head, state.report ? reportView(state.report) : rehearseView());
  tick();
}

function clockView(kind: 'story' | 'section', name: string, target: Target): HTMLElement {
  const time = h('span', { class: 'time' }, '0:00');
  const fill = h('div', { class: 'fill' });
  const bar = h('div', { class: 'bar', role: 'presentation' }, fill);
  if (kind === 'story') Object.assign(live, { storyTime: time, storyBar: fill });
  else Object.assign(live, { sectionTime: time, sectionBar: fill });
  return h('div', { class: `clock ${kind}-clock`, 'data-clock': kind }, h('span', { class: 'clock-name' }, name), time, h('span', { class: 'target' }, `/ ${targetText(target)}`), bar);
}

function rehearseView(): HTMLElement {
  const s = story!;
  const run = state.run;
  const index = run ? currentIndex(run) : 0;
  const mode = runMode();
  const running = !!run && run.endedAt === undefined;

  const modes = h(
    'nav',
    { class: 'modes', 'aria-label': 'How much of the script to show' },
    ...MODES.map((m) => button(MODE_NAMES[m], () => setMode(m), { 'aria-pressed': String(m === mode), disabled: !!run && m !== mode, class: 'mode' })),
    button('Teleprompter', () => {
      state.teleprompter = !state.teleprompter;
      changed();
    }, { 'aria-pressed': String(state.teleprompter), disabled: mode !== 'full', class: 'mode teleprompter', title: `Scroll the full text at ${s.wordsPerMinute} words per minute` }),
  );

  const clocks = h('section', { class: 'clocks' }, clockView('story', 'Story', storyTarget()), clockView('section', run ? s.sections[index].name : 'Section', sectionTarget(index)));

  const steps = h(
    'ol',
    { class: 'sections' },
    ...s.sections.map((section, i) =>
      h('li', { class: !run ? '' : i < index ? 'done' : i === index ? 'current' : '', 'aria-current': run && i === index ? 'step' : undefined }, section.name),
    ),
  );

  const stage = h('section', { class: `stage mode-${mode}`, 'aria-live': 'polite' });
  live.stage = stage;
  if (state.saving) stage.append(h('p', { class: 'hint' }, 'Saving the attempt…'));
  else if (!run) stage.append(h('p', { class: 'hint start' }, 'Press ', kbd('Space'), ' to start, then again at each new section. Speak it aloud.'));
  stage.append(cueView(s.sections[index], s.cut[index]?.lines ?? [], mode));
  if (revealed === index && mode !== 'full') stage.append(setSanitisedHtml(h('div', { class: 'revealed script' }), s.sections[index].html));

  const legend = h(
    'footer',
    { class: 'legend', 'aria-label': 'Keys' },
    button([kbd('Space'), ' / ', kbd('→'), ' ', run ? (index === s.sections.length - 1 ? 'Finish' : 'Next') : 'Start'], next, { class: 'key', 'data-action': 'next', disabled: state.saving }),
    button([kbd('←'), ' Back'], back, { class: 'key', 'data-action': 'back', disabled: !running || index === 0 }),
    button([kbd('R'), ' Restart'], restart, { class: 'key', 'data-action': 'restart' }),
    button([kbd('Esc'), ' Stop'], stop, { class: 'key', 'data-action': 'stop', disabled: !running }),
    button([kbd('V'), ' Reveal'], reveal, { class: 'key', 'data-action': 'reveal', disabled: !running || mode === 'full' }),
  );
  return h('div', { class: 'rehearse' }, modes, clocks, steps, stage, legend);
}

function reportView({ attempt, report }: Report): HTMLElement {
  const drillTime = h('span', { class: 'time' }, '0:00');
  const drillFill = h('div', { class: 'fill' });
  live.drillTime = drillTime;
  live.drillBar = drillFill;
  const drill = h(
    'section',
    { class: 'drill' },
    h('h3', {}, 'Follow-up drill'),
    h('p', { class: 'question' }, story!.followUp),
    state.drill
      ? h('div', { class: 'clock drill-clock' }, h('span', { class: 'clock-name' }, 'Answer'), drillTime, h('span', { class: 'target' }, `/ ${clock(DRILL_SECONDS)}`), h('div', { class: 'bar' }, drillFill))
      : button([kbd('F'), ' Answer it in 60 seconds'], startDrill, { class: 'key', 'data-action': 'drill' }),
  );
  const chart = history.length ? h('section', { class: 'history' }, h('h3', {}, `Past attempts (${history.length})`), historyChart(history)) : null;
  return h(
    'div',
    { class: 'report', 'data-grade': report.grade },
    h('h2', { class: `verdict grade-${report.grade}` }, GRADE_WORDS[report.grade]),
    h('p', { class: 'headline' }, report.headline),
    report.tips.length ? h('ul', { class: 'tips' }, ...report.tips.map((t) => h('li', {}, t))) : null,
    reportTable(attempt, report),
    h('p', { class: 'due' }, `Next rehearsal: ${report.due}.`),
    drill,
    chart,
    h(
      'footer',
      { class: 'legend' },
      button([kbd('R'), ' Rehearse again'], restart, { class: 'key', 'data-action': 'restart' }),
      button('Export history as CSV', () => post({ type: 'exportHistory' }), { class: 'key', 'data-action': 'export' }),
    ),
  );
}

/** Updates the clocks, bars and teleprompter in place (four times a second). */
function tick(): void {
  const now = Date.now();
  const run = state.run;
  if (live.storyTime && live.storyBar) {
    const elapsed = run ? elapsedSeconds(run, now) : 0;
    showClock(live.storyTime, live.storyBar, elapsed, storyTarget());
  }
  if (live.sectionTime && live.sectionBar && run) {
    const i = currentIndex(run);
    const seconds = sectionSeconds(run, sectionCount(), now)[i] ?? 0;
    showClock(live.sectionTime, live.sectionBar, seconds, sectionTarget(i));
    if (live.stage && state.teleprompter && runMode() === 'full' && run.endedAt === undefined) {
      const words = Math.max(1, story!.sections[i].words);
      const progress = Math.min(1, seconds / ((words / story!.wordsPerMinute) * 60));
      live.stage.scrollTop = progress * (live.stage.scrollHeight - live.stage.clientHeight);
    }
  }
  if (live.drillTime && live.drillBar && state.drill) {
    const seconds = ((state.drill.endedAt ?? now) - state.drill.startedAt) / 1000;
    showClock(live.drillTime, live.drillBar, seconds, [DRILL_SECONDS, DRILL_SECONDS]);
  }
}

function showClock(time: HTMLElement, fill: HTMLElement, seconds: number, [, max]: Target): void {
  time.textContent = clock(seconds);
  const over = max > 0 && seconds > max;
  setSize(fill, 'width', `${Math.min(100, max > 0 ? (seconds / max) * 100 : 0)}%`);
  fill.classList.toggle('over', over);
  time.classList.toggle('over', over);
  fill.parentElement?.parentElement?.classList.toggle('over', over);
}

setInterval(tick, 250);
post({ type: 'ready' });
