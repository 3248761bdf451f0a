// What the panel keeps through a hide or a window reload: the story, the mode, the attempt in progress
// and its report, in the webview's getState/setState.
import { MODES, type AttemptView, type Mode, type PanelRef, type ReportView, type WebviewMessage } from '../rehearsal/protocol';
import type { Run } from './run';

export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
export const host = acquireVsCodeApi();

export interface Report {
  attempt: AttemptView;
  report: ReportView;
  history: AttemptView[];
}

export interface State {
  ref?: PanelRef;
  storyKey?: string;
  mode: Mode;
  teleprompter: boolean;
  run?: Run;
  /** The attempt was sent and its report not back yet. */
  saving?: boolean;
  report?: Report;
  drill?: { startedAt: number; endedAt?: number };
}

/** The panel's state as `setState` last saved it (after a reload, or a hidden panel shown again). */
export function restoredState(): State {
  const saved = host.getState() as Partial<State> | undefined;
  const state: State = {
    mode: saved && MODES.includes(saved.mode as Mode) ? (saved.mode as Mode) : 'full',
    teleprompter: saved?.teleprompter === true,
    ref: saved?.ref,
    storyKey: saved?.storyKey,
    run: saved?.run,
    report: saved?.report,
  };
  // An attempt that ended but whose report never arrived (the panel closed meanwhile) was already sent.
  if (state.run?.endedAt !== undefined && !state.report) state.run = undefined;
  return state;
}
