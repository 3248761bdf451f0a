// Per-story rehearsal history: attempts and spacing, in one JSON file in the extension's global storage
// folder. Every change takes a lock file (so two VS Code windows never overwrite each other's
// attempts), re-reads the file, merges, writes a temp file and renames it over the old one (so a crash
// mid-write loses at most the attempt in flight). A file that cannot be read as history is moved aside
// with a warning and a fresh one started. No `vscode` import: unit tests run it on a temp folder.
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gradeAttempt, REHEARSAL_MODES, type RehearsalAttempt } from '../core/rehearsal/attempt';
import { attemptsToCsv } from '../core/rehearsal/csv';
import { nextSchedule, type RehearsalSchedule } from '../core/rehearsal/schedule';

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
  /** How long to wait for another window's lock before giving up (ms). */
  lockTimeoutMs?: number;
}

export const LOCK_FILE = `${HISTORY_FILE}.lock`;
/** A lock older than this is left over from a crashed window and is broken. */
const STALE_LOCK_MS = 10_000;
const LOCK_RETRY_MS = 15;

export class RehearsalHistory {
  private data: HistoryFile | undefined;
  private loading: Promise<HistoryFile> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private readonly cap: number;

  constructor(
    /** The folder that holds the history file (the extension's `globalStorageUri`). */
    readonly folder: string,
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

  get file(): string {
    return join(this.folder, HISTORY_FILE);
  }

  private async readText(): Promise<string | undefined> {
    try {
      return await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private async read(): Promise<HistoryFile> {
    const text = await this.readText();
    if (text === undefined) return empty();
    const parsed = parseHistory(text);
    if (parsed) return parsed;
    const aside = `rehearsal-history.corrupt-${(this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')}.json`;
    try {
      await rename(this.file, join(this.folder, aside));
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

  /** Write a temp file beside the history, then rename it over the history: readers see old or new, never half. */
  private async save(data: HistoryFile): Promise<void> {
    const temp = join(this.folder, `${HISTORY_FILE}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
    try {
      await writeFile(temp, JSON.stringify(data), 'utf8');
      await rename(temp, this.file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /**
   * Holds the lock file while `work` runs. Another window holding it makes us wait (re-trying every few
   * milliseconds); a lock older than ten seconds is from a window that died and is broken.
   */
  private async locked<T>(work: () => Promise<T>): Promise<T> {
    await mkdir(this.folder, { recursive: true });
    const lock = join(this.folder, LOCK_FILE);
    const deadline = Date.now() + (this.options.lockTimeoutMs ?? 5_000);
    for (;;) {
      try {
        const handle = await open(lock, 'wx');
        await handle.close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
        if (age > STALE_LOCK_MS) await rm(lock, { force: true });
        else if (Date.now() > deadline) throw new Error(`STAR Stories: the rehearsal history is locked by another window (${lock}).`);
        else await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
      }
    }
    try {
      return await work();
    } finally {
      await rm(lock, { force: true });
    }
  }

  /** Forgets what was loaded, so the next read sees changes made by other windows. */
  reload(): void {
    this.data = undefined;
    this.loading = undefined;
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
    return this.serial(() => this.locked(async () => {
      // Read the file again under the lock: another VS Code window may have added attempts since we loaded it.
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
    }));
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
