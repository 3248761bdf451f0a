// The messages between the rehearsal panel's host (extension) and its webview. Both sides import this
// file — and only this file crosses the boundary — and both check every message they receive with the
// validators below: anything unknown or malformed is ignored. Type-only imports: the webview bundle
// must stay free of Node, VS Code and core code.

import type { Role, TargetSeconds } from '../core/model';
import type { AttemptGrade, RehearsalMode, SectionStatus } from '../core/rehearsal/attempt';

// Type-only imports from the core: erased from the webview bundle, but the two sides cannot drift.
export type RoleId = Role;
export type Mode = RehearsalMode;
export type Target = TargetSeconds;
export type { SectionStatus };

export const MODES: readonly Mode[] = ['full', 'cue', 'labels', 'blank', 'cut'];
const ROLES: readonly RoleId[] = ['situation', 'task', 'action', 'result', 'learning'];

/** One section as the panel shows it. `html` is already sanitised on the host. */
export interface SectionView {
  role: RoleId;
  /** `Situation`. */
  name: string;
  /** The label as written in the file. */
  label: string;
  html: string;
  firstSentence: string;
  numbers: string[];
  words: number;
  target: Target;
}

export interface CutSectionView {
  role: RoleId;
  name: string;
  lines: string[];
  target: Target;
}

export interface StoryView {
  /** The story's key in the rehearsal history. */
  key: string;
  title: string;
  /** Workspace-relative path, for display. */
  file: string;
  framework: string;
  tags: string[];
  /** The interview question being answered (a mock interview) or the story's own question. */
  question?: string;
  target: Target;
  wordsPerMinute: number;
  sections: SectionView[];
  cut: CutSectionView[];
  /** The follow-up question for the drill after the story: one of its own, else a general one. */
  followUp: string;
}

export interface AttemptView {
  at: string;
  mode: Mode;
  completed: boolean;
  totalSeconds: number;
  target: Target;
  sections: Array<{ role: RoleId; seconds: number; target: Target }>;
}

export interface ReportView {
  grade: AttemptGrade;
  /** Time per section against its target. */
  rows: Array<{ name: string; seconds: number; target: Target; status: SectionStatus }>;
  headline: string;
  tips: string[];
  /** `next in 2 days`. */
  due: string;
}

/** What the serializer needs to reopen the panel after a reload; opaque to the webview. */
export interface PanelRef {
  uri: string;
  storyId: string;
  question?: string;
}

/** Host → webview. */
export type HostMessage =
  | { type: 'story'; reason: 'open' | 'edit'; ref: PanelRef; story: StoryView; history: AttemptView[]; due: string }
  | { type: 'report'; attempt: AttemptView; report: ReportView; history: AttemptView[] }
  /** The attempt could not be saved: the webview says so and lets the speaker go on. */
  | { type: 'error'; message: string }
  /** Drive the panel as the keyboard does (keybindings, tests). */
  | { type: 'control'; action: ControlAction };

export type Screen = 'rehearse' | 'report';
const SCREENS: readonly Screen[] = ['rehearse', 'report'];

export type ControlAction = 'next' | 'back' | 'restart' | 'stop';
const CONTROL_ACTIONS: readonly ControlAction[] = ['next', 'back', 'restart', 'stop'];

/** The timings the webview measured; the host fills in the rest from the story. */
export interface AttemptDraft {
  storyKey: string;
  at: string;
  mode: Mode;
  completed: boolean;
  sections: Array<{ role: RoleId; label: string; seconds: number; target: Target }>;
}

/** Webview → host. */
export type WebviewMessage =
  | { type: 'ready' }
  /**
   * Sent after every render: which story, which section titles, which screen (`rehearse` while
   * speaking, `report` after an attempt) and the section in progress (-1 before the start).
   */
  | { type: 'rendered'; storyKey: string; sections: string[]; mode: Mode; screen: Screen; section: number }
  | { type: 'attempt'; attempt: AttemptDraft }
  | { type: 'exportHistory' }
  /** Show this section in the editor. */
  | { type: 'reveal'; section: number };

// ---- validators -------------------------------------------------------------------------------------

const MAX_TEXT = 1_000_000;
const MAX_ITEMS = 500;
const DAY_SECONDS = 24 * 60 * 60;

type Check = (v: unknown) => boolean;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isString = (max = 10_000): Check => (v) => typeof v === 'string' && v.length <= max;
const isNumber = (min = 0, max = Number.MAX_SAFE_INTEGER): Check => (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const isBoolean: Check = (v) => typeof v === 'boolean';
const isOneOf = (values: readonly string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const isArrayOf = (item: Check, max = MAX_ITEMS): Check => (v) => Array.isArray(v) && v.length <= max && v.every(item);
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const isTarget: Check = (v) => Array.isArray(v) && v.length === 2 && v.every(isNumber(0, DAY_SECONDS)) && (v[0] as number) <= (v[1] as number);
const isDate: Check = (v) => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));

function shape(fields: Record<string, Check>): Check {
  return (v) => isRecord(v) && Object.entries(fields).every(([key, check]) => check(v[key]));
}

const isRole = isOneOf(ROLES);
const isMode = isOneOf(MODES);

const isSectionView = shape({
  role: isRole,
  name: isString(100),
  label: isString(1000),
  html: isString(MAX_TEXT),
  firstSentence: isString(),
  numbers: isArrayOf(isString(), 50),
  words: isNumber(),
  target: isTarget,
});

const isCutSectionView = shape({ role: isRole, name: isString(100), lines: isArrayOf(isString(), 50), target: isTarget });

const isStoryView = shape({
  key: isString(4000),
  title: isString(1000),
  file: isString(4000),
  framework: isString(20),
  tags: isArrayOf(isString(200), 100),
  question: optional(isString(2000)),
  target: isTarget,
  wordsPerMinute: isNumber(1, 1000),
  sections: isArrayOf(isSectionView, 50),
  cut: isArrayOf(isCutSectionView, 50),
  followUp: isString(2000),
});

const isAttemptView = shape({
  at: isDate,
  mode: isMode,
  completed: isBoolean,
  totalSeconds: isNumber(0, DAY_SECONDS),
  target: isTarget,
  sections: isArrayOf(shape({ role: isRole, seconds: isNumber(0, DAY_SECONDS), target: isTarget }), 50),
});

const isReportView = shape({
  grade: isOneOf(['good', 'under', 'over', 'well-over', 'stopped']),
  rows: isArrayOf(shape({ name: isString(100), seconds: isNumber(0, DAY_SECONDS), target: isTarget, status: isOneOf(['under', 'on', 'over', 'skipped']) }), 50),
  headline: isString(),
  tips: isArrayOf(isString(), 10),
  due: isString(200),
});

const isPanelRef = shape({ uri: isString(4000), storyId: isString(4000), question: optional(isString(2000)) });

const HOST_MESSAGES: Record<HostMessage['type'], Check> = {
  story: shape({
    reason: isOneOf(['open', 'edit']),
    ref: isPanelRef,
    story: isStoryView,
    history: isArrayOf(isAttemptView, 10_000),
    due: isString(200),
  }),
  report: shape({ attempt: isAttemptView, report: isReportView, history: isArrayOf(isAttemptView, 10_000) }),
  error: shape({ message: isString() }),
  control: shape({ action: isOneOf(CONTROL_ACTIONS) }),
};

const isAttemptDraft = shape({
  storyKey: isString(4000),
  at: isDate,
  mode: isMode,
  completed: isBoolean,
  sections: isArrayOf(
    shape({ role: isRole, label: isString(1000), seconds: isNumber(0, DAY_SECONDS), target: isTarget }),
    50,
  ),
}) as (v: unknown) => v is AttemptDraft;

const WEBVIEW_MESSAGES: Record<WebviewMessage['type'], Check> = {
  ready: () => true,
  rendered: shape({
    storyKey: isString(4000),
    sections: isArrayOf(isString(1000), 50),
    mode: isMode,
    screen: isOneOf(SCREENS),
    section: (v) => isNumber(-1, 50)(v) && Number.isInteger(v),
  }),
  attempt: shape({ attempt: isAttemptDraft }),
  exportHistory: () => true,
  reveal: shape({ section: (v) => isNumber(0, 50)(v) && Number.isInteger(v) }),
};

function hasType<T extends string>(v: unknown, table: Record<T, Check>): v is Record<string, unknown> & { type: T } {
  return isRecord(v) && typeof v.type === 'string' && Object.prototype.hasOwnProperty.call(table, v.type);
}

/** A message the webview may act on. */
export function isHostMessage(v: unknown): v is HostMessage {
  return hasType(v, HOST_MESSAGES) && HOST_MESSAGES[v.type](v);
}

/** A message the host may act on. */
export function isWebviewMessage(v: unknown): v is WebviewMessage {
  return hasType(v, WEBVIEW_MESSAGES) && WEBVIEW_MESSAGES[v.type](v);
}

/** The panel reference in the state the webview keeps in `setState` (the serializer reads it after a reload). */
export function panelRefOf(state: unknown): PanelRef | undefined {
  return isRecord(state) && isPanelRef(state.ref) ? (state.ref as PanelRef) : undefined;
}
