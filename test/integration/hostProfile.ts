// Who holds the extension host's thread, turn by turn of its event loop. A timer that fires every few
// milliseconds marks the turns: a gap between two of its ticks is a turn that long (a block), and the
// thread's CPU time at each tick (process.threadCpuUsage, where Node has it) says how long the thread
// really ran in it — on a shared machine a turn's wall time also counts time the OS gave to others.
// V8's CPU profiler (node:inspector) samples the thread meanwhile, and each turn's time is shared out
// by its samples: to the innermost extension on their stack — this one, or a VS Code built-in such as
// markdown-language-features — or to VS Code itself, or to the V8 runtime when no JavaScript is on
// the stack (garbage collection, which serves the whole heap). No `vscode` import: unit tests feed it
// profiles.
import { Session } from 'node:inspector';

interface CallFrame {
  functionName: string;
  url: string;
}

/** The parts of a `Profiler.Profile` this file reads (times in microseconds, monotonic clock). */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Block {
  /** When the turn started, in ms from the start of the profile. */
  atMs: number;
  /** How long the event loop went without running its timers. */
  wallMs: number;
  /** Of that, the time the thread ran: its CPU time, or samples × interval where Node does not report it. */
  threadMs: number;
  /** Thread time shared out by samples, by owner, largest first. */
  owners: Array<[string, number]>;
  /** Thread time with this extension's bundle anywhere on the stack (what it ran, and the VS Code API it called). */
  oursMs: number;
  /** That time by the outermost function of the bundle on the stack (where VS Code called in), largest first. */
  ourEntries: Array<[string, number]>;
}

export const VS_CODE = 'VS Code';
/** Samples with no JavaScript on the stack: garbage collection, compilation, native work. */
export const RUNTIME = 'V8 runtime (GC, native)';

/** The time on the monotonic clock V8's profiles use, in microseconds. */
function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** A tick of the timer: when (µs, the profile's clock) and the thread's CPU time so far (µs). */
export interface Tick {
  us: number;
  cpuUs?: number;
}

export interface HostRecording {
  stop(): Promise<{ profile: CpuProfile; ticks: Tick[] }>;
}

function tick(): Tick {
  const cpu = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.();
  return { us: nowUs(), cpuUs: cpu && cpu.user + cpu.system };
}

/** Samples the current thread every `intervalUs` and marks the event loop's turns with a timer every `tickMs`. */
export async function recordHost(intervalUs = 1000, tickMs = 5): Promise<HostRecording> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: intervalUs });
  await post('Profiler.start');
  const ticks = [tick()];
  const timer = setInterval(() => ticks.push(tick()), tickMs);
  return {
    async stop() {
      clearInterval(timer);
      ticks.push(tick());
      const { profile } = await post<{ profile: CpuProfile }>('Profiler.stop');
      session.disconnect();
      return { profile, ticks };
    },
  };
}

export interface Owners {
  /** Owner names of scripts by URL (this extension's bundle, the test suite). */
  scripts: Record<string, string>;
  /** Which of them is this extension. */
  ours: string;
  /** The profile's sampling interval. */
  intervalUs: number;
}

/** The owner of a script: as named, else a built-in extension's folder name, else none (VS Code itself). */
export function ownerOfScript(url: string, scripts: Record<string, string>): string | undefined {
  return scripts[url] ?? /\/extensions\/([^/]+)\//.exec(url)?.[1];
}

/** The turns of the event loop that took `minMs` or more (0: every turn), longest first, each with who ran in it. */
export function blocks(profile: CpuProfile, ticks: Tick[], { scripts, ours, intervalUs }: Owners, minMs = 50): Block[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Per node: the innermost owner on its stack, the outermost frame of ours on it, whether it has JS frames.
  interface Info { owner: string; entry?: string; js: boolean }
  const memo = new Map<number, Info>();
  const info = (id: number): Info => {
    const known = memo.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const up: Info = parent.has(id) ? info(parent.get(id)!) : { owner: VS_CODE, js: false };
    const own = ownerOfScript(node.callFrame.url, scripts);
    const entry = up.entry ?? (own === ours ? node.callFrame.functionName || '(anonymous)' : undefined);
    const result = { owner: own ?? up.owner, entry, js: up.js || node.callFrame.url !== '' };
    memo.set(id, result);
    return result;
  };
  const times: number[] = [];
  let time = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((time += delta));

  const sampleMs = intervalUs / 1000;
  const found: Block[] = [];
  let s = 0;
  for (let k = 1; k < ticks.length; k++) {
    const [from, to] = [ticks[k - 1], ticks[k]];
    while (s < times.length && times[s] <= from.us) s++;
    if ((to.us - from.us) / 1000 < minMs) continue;
    const owners = new Map<string, number>();
    const entries = new Map<string, number>();
    for (let i = s; i < times.length && times[i] <= to.us; i++) {
      const node = byId.get(profile.samples[i])!;
      if (node.callFrame.functionName === '(idle)') continue;
      const { owner, entry, js } = info(node.id);
      const who = js ? owner : RUNTIME;
      owners.set(who, (owners.get(who) ?? 0) + sampleMs);
      if (entry) entries.set(entry, (entries.get(entry) ?? 0) + sampleMs);
    }
    const sampled = sum(owners);
    // Where the CPU time is known, the samples only say how to share it out.
    const cpuMs = from.cpuUs !== undefined && to.cpuUs !== undefined ? (to.cpuUs - from.cpuUs) / 1000 : undefined;
    const scale = cpuMs === undefined || sampled === 0 ? 1 : cpuMs / sampled;
    const scaled = (m: Map<string, number>) => [...m].map(([key, ms]): [string, number] => [key, ms * scale]).sort((a, b) => b[1] - a[1]);
    const ourEntries = scaled(entries);
    found.push({
      atMs: (from.us - profile.startTime) / 1000,
      wallMs: (to.us - from.us) / 1000,
      threadMs: cpuMs ?? sampled,
      owners: scaled(owners),
      oursMs: ourEntries.reduce((total, [, ms]) => total + ms, 0),
      ourEntries,
    });
  }
  return found.sort((a, b) => b.wallMs - a.wallMs);
}

function sum(m: Map<string, number>): number {
  return [...m.values()].reduce((a, b) => a + b, 0);
}
