// Per-story rehearsal history: attempts and spacing, in one JSON file in the extension's global storage.
// Written atomically (a temp file, then a rename over the old one), capped per story, exportable as CSV.
// A file that cannot be read as history is moved aside with a warning and a fresh one started.
// File I/O goes through `HistoryFiles`, so the store runs in plain Node (tests) and on
// `vscode.workspace.fs` (the extension) alike.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gradeAttempt, REHEARSAL_MODES, type RehearsalAttempt } from '../core/rehearsal/attempt';
import { attemptsToCsv } from '../core/rehearsal/csv';
import { nextSchedule, type RehearsalSchedule } from '../core/rehearsal/schedule';

/** The storage folder, by file name. */
export interface HistoryFiles {
  /** The file's text, or undefined when it does not exist. */
  read(name: string): Promise<string | undefined>;
  write(name: string, text: string): Promise<void>;
  /** Replaces `to` if it exists. */
  rename(from: string, to: string): Promise<void>;
  delete(name: string): Promise<void>;
  ensureFolder(): Promise<void>;
}

export class NodeHistoryFiles implements HistoryFiles {
  constructor(private readonly folder: string) {}
  async read(name: string): Promise<string | undefined> {
    try {
      return await readFile(join(this.folder, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
  write(name: string, text: string): Promise<void> {
    return writeFile(join(this.folder, name), text, 'utf8');
  }
  rename(from: string, to: string): Promise<void> {
    return rename(join(this.folder, from), join(this.folder, to));
  }
  delete(name: string): Promise<void> {
    return rm(join(this.folder, name), { force: true });
  }
  async ensureFolder(): Promise<void> {
    await mkdir(this.folder, { recursive: true });
  }
}

export interface StoryHistory {
  title: string;
  file: string;
  attempts: RehearsalAttempt[];
  schedule?: RehearsalSchedule;
}

interface HistoryFile {
  version: 1;
  stories: Record<string, StoryHistory>;
}

export const HISTORY_FILE = 'rehearsal-history.json';
export const DEFAULT_ATTEMPTS_PER_STORY = 100;

export interface HistoryOptions {
  /** Attempts kept per story; the oldest go first. */
  attemptsPerStory?: number;
  /** Told when a corrupt file was moved aside (the extension shows it as a warning). */
  onWarning?: (message: string) => void;
  now?: () => Date;
}

export class RehearsalHistory {
  private data: HistoryFile | undefined;
  private loading: Promise<HistoryFile> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private readonly cap: number;

  constructor(
    private readonly files: HistoryFiles,
    private readonly options: HistoryOptions = {},
  ) {
    this.cap = Math.max(1, options.attemptsPerStory ?? DEFAULT_ATTEMPTS_PER_STORY);
  }

  /** Called after every change. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private load(): Promise<HistoryFile> {
    if (this.data) return Promise.resolve(this.data);
    this.loading ??= this.read().then((data) => (this.data ??= data));
    return this.loading;
  }

  private async read(): Promise<HistoryFile> {
    const text = await this.files.read(HISTORY_FILE);
    if (text === undefined) return empty();
    const parsed = parseHistory(text);
    if (parsed) return parsed;
    const aside = `rehearsal-history.corrupt-${(this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')}.json`;
    try {
      await this.files.rename(HISTORY_FILE, aside);
      this.options.onWarning?.(`STAR Stories: the rehearsal history could not be read; it was moved to ${aside} and a new one started.`);
    } catch {
      this.options.onWarning?.('STAR Stories: the rehearsal history could not be read and could not be moved aside; a new one was started.');
    }
    return empty();
  }

  /** Runs changes one at a time, in order, so two writes never interleave. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async save(data: HistoryFile): Promise<void> {
    const temp = `${HISTORY_FILE}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
    await this.files.ensureFolder();
    try {
      await this.files.write(temp, JSON.stringify(data));
      await this.files.rename(temp, HISTORY_FILE);
    } catch (error) {
      await this.files.delete(temp).catch(() => undefined);
      throw error;
    }
  }

  async story(key: string): Promise<StoryHistory | undefined> {
    return (await this.load()).stories[key];
  }

  async attempts(key: string): Promise<RehearsalAttempt[]> {
    return [...((await this.story(key))?.attempts ?? [])];
  }

  async schedule(key: string): Promise<RehearsalSchedule | undefined> {
    return (await this.story(key))?.schedule;
  }

  /** Every story with history, by key. */
  async all(): Promise<Record<string, StoryHistory>> {
    return { ...(await this.load()).stories };
  }

  /**
   * Appends an attempt, advances the story's spacing (60-second cuts and stopped attempts do not
   * count) and writes the file. Resolves once it is on disk.
   */
  record(attempt: RehearsalAttempt): Promise<StoryHistory> {
    return this.serial(async () => {
      // Read the file again: another VS Code window may have added attempts since we loaded it.
      const data = await this.read();
      const previous = data.stories[attempt.storyKey];
      const attempts = [...(previous?.attempts ?? []), attempt].slice(-this.cap);
      const schedule = attempt.mode === 'cut' ? previous?.schedule : nextSchedule(previous?.schedule, gradeAttempt(attempt), attempt.at);
      const entry: StoryHistory = { title: attempt.storyTitle, file: attempt.file, attempts };
      if (schedule) entry.schedule = schedule;
      const next: HistoryFile = { ...data, stories: { ...data.stories, [attempt.storyKey]: entry } };
      await this.save(next);
      this.data = next;
      this.listeners.forEach((l) => l());
      return entry;
    });
  }

  /** Every attempt (or those of the given stories), oldest first, as CSV. */
  async toCsv(keys?: string[]): Promise<string> {
    const stories = (await this.load()).stories;
    const attempts = Object.entries(stories)
      .filter(([key]) => !keys || keys.includes(key))
      .flatMap(([, s]) => s.attempts)
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return attemptsToCsv(attempts);
  }
}

function empty(): HistoryFile {
  return { version: 1, stories: {} };
}

/** The history in `text`, or undefined when it is not one (bad JSON, wrong shape). Bad attempts are dropped. */
export function parseHistory(text: string): HistoryFile | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(json) || json.version !== 1 || !isObject(json.stories)) return undefined;
  const stories: Record<string, StoryHistory> = {};
  for (const [key, value] of Object.entries(json.stories)) {
    if (!isObject(value) || !Array.isArray(value.attempts)) return undefined;
    const entry: StoryHistory = {
      title: typeof value.title === 'string' ? value.title : key,
      file: typeof value.file === 'string' ? value.file : '',
      attempts: value.attempts.filter(isAttempt),
    };
    if (isSchedule(value.schedule)) entry.schedule = value.schedule;
    stories[key] = entry;
  }
  return { version: 1, stories };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTarget(v: unknown): boolean {
  return Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function isAttempt(v: unknown): v is RehearsalAttempt {
  return (
    isObject(v) &&
    typeof v.storyKey === 'string' &&
    typeof v.storyTitle === 'string' &&
    typeof v.at === 'string' &&
    !Number.isNaN(Date.parse(v.at)) &&
    REHEARSAL_MODES.includes(v.mode as RehearsalAttempt['mode']) &&
    typeof v.completed === 'boolean' &&
    typeof v.totalSeconds === 'number' &&
    isTarget(v.targetSeconds) &&
    Array.isArray(v.sections) &&
    v.sections.every((s) => isObject(s) && typeof s.role === 'string' && typeof s.seconds === 'number' && isTarget(s.targetSeconds))
  );
}

function isSchedule(v: unknown): v is RehearsalSchedule {
  return isObject(v) && typeof v.intervalDays === 'number' && typeof v.dueAt === 'string' && typeof v.lastAt === 'string' && typeof v.streak === 'number';
}
