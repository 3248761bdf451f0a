// What activation costs the extension host (DESIGN §9: ≤ 50 ms): evaluating dist/extension.js (the
// bundle's first and last statements note the time, see esbuild.mjs) plus the synchronous parts of
// activate(). Both wall time and, where the host's Node reports it (process.threadCpuUsage, Node ≥
// 23.9), the thread's CPU time: on a busy machine wall time also counts time the OS gave to others.

type Mark = [wallMs: number, cpu?: NodeJS.CpuUsage];

interface ModuleMarks {
  start?: Mark;
  end?: Mark;
}

function now(): Mark {
  return [performance.now(), (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.()];
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

export interface ActivationTimes {
  /**
   * Module evaluation + activate() (wall): the time this extension holds the host's thread, and what
   * VS Code's Running Extensions view shows as its activation (codeLoadingTime + activateCallTime).
   */
  activationMs: number;
  /** From the first statement of dist/extension.js to the end of activate() (wall), the host's own work between them (making the extension's context) included. */
  activationSpanMs: number;
  /** The same, in CPU time of the host's thread; absent where Node does not report it. */
  activationCpuMs?: number;
}

export class ActivationClock {
  private readonly start: Mark;
  private wallMs = 0;
  private cpu: number | undefined = 0;
  private readonly from: Mark;

  constructor() {
    const module = (globalThis as { __starStoriesModule?: ModuleMarks }).__starStoriesModule ?? {};
    this.from = now();
    this.start = module.start ?? this.from;
    this.add(this.start, module.end ?? this.from);
  }

  private add(from: Mark, to: Mark): void {
    this.wallMs += to[0] - from[0];
    this.cpu = from[1] && to[1] && this.cpu !== undefined ? this.cpu + cpuMs(to[1]) - cpuMs(from[1]) : undefined;
  }

  stop(): ActivationTimes {
    const end = now();
    this.add(this.from, end);
    const times: ActivationTimes = { activationMs: this.wallMs, activationSpanMs: end[0] - this.start[0] };
    if (this.cpu !== undefined) times.activationCpuMs = this.cpu;
    return times;
  }
}
