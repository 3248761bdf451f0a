// The extension host's side of the analysis worker: one worker thread, started on the first request
// (not at activation), stopped and started again when a request runs past its deadline. A document
// whose analysis was stopped gets a single STAR000 finding for the whole file instead of stories.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { join } from 'node:path';
import { ruleLevel, type StarConfig } from '../core/lint/config';
import { LineIndex } from '../core/read/lines';
import { flatFacts } from '../core/read/documentFacts';
import type { Story } from '../core/model';
import { tooComplex } from '../core/lint/rules/tooComplex';
import type { AnalysisReply, AnalysisRequest, AnalysisResult, Answers, DocumentText, Kind, Question, ShownFinding } from './analysisProtocol';
import { fromSegments } from './segments';
import { nextTurn } from './turns';

/**
 * How long one request may take before the worker is stopped. Each chunk has a 1 s budget in the
 * worker already; this catches a file with many such chunks, or anything else that hangs.
 * (A literal: importing the analyser's constant would bundle the parser into the extension.)
 */
export const REQUEST_DEADLINE_MS = 15_000;

interface Pending {
  request: AnalysisRequest;
  resolve: (answer: Answers[Kind]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class AnalysisClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** How many times the worker was stopped for running past a deadline (tests read it). */
  restarts = 0;

  constructor(
    private readonly script = join(__dirname, 'analysisWorker.js'),
    private readonly deadlineMs = REQUEST_DEADLINE_MS,
    private readonly workerOptions: WorkerOptions = {},
  ) {}

  private start(): Worker {
    const worker = new Worker(this.script, this.workerOptions);
    worker.unref();
    worker.on('message', (reply: AnalysisReply) => this.settle(reply));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  /** The stories and findings of a document, parsed over several turns of the host's event loop. */
  async analyse(document: DocumentText): Promise<AnalysisResult> {
    const answer = await this.ask(document, { kind: 'analysis' }).catch((error: unknown) => {
      if (error instanceof Overdue) return undefined;
      throw error;
    });
    // The worker was just stopped and started again in this turn: the whole-file STAR000 (a scan of
    // the text for its lines) gets a turn of its own.
    if (!answer) return nextTurn().then(() => giveUp(document, this.deadlineMs));
    return { stories: await fromSegments<Story>(answer.stories), findings: await fromSegments<ShownFinding>(answer.findings), key: answer.key };
  }

  /** Asks the worker a question about a document; rejects with `Overdue` past the deadline. */
  ask<Q extends Question>(document: DocumentText, question: Q): Promise<Answers[Q['kind']]> {
    const request: AnalysisRequest = { id: this.nextId++, fileName: document.fileName, text: document.text, config: document.config, question };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.overdue(request.id), this.deadlineMs);
      this.pending.set(request.id, { request, resolve: resolve as Pending['resolve'], reject, timer });
      (this.worker ?? this.start()).postMessage(request);
    });
  }

  private settle(reply: AnalysisReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if ('error' in reply) pending.reject(new Error(reply.error));
    else pending.resolve(reply.answer);
  }

  /** The worker is stuck on a request: stop it, fail that request, resend the others. */
  private overdue(id: number): void {
    const stuck = this.pending.get(id);
    if (!stuck) return;
    this.pending.delete(id);
    this.restarts++;
    const old = this.worker;
    this.worker = undefined;
    void old?.terminate();
    stuck.reject(new Overdue(this.deadlineMs));
    const others = [...this.pending.values()];
    if (others.length) {
      const worker = this.start();
      for (const p of others) worker.postMessage(p.request);
    }
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
    this.worker = undefined;
  }

  dispose(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

/** The worker ran past the deadline on this request and was stopped. */
class Overdue extends Error {
  constructor(deadlineMs: number) {
    super(`the analysis worker did not answer within ${deadlineMs / 1000} s`);
  }
}

/** The answer for a document whose analysis had to be stopped: no stories, one STAR000 for the whole file. */
function giveUp(request: DocumentText, deadlineMs: number): AnalysisResult {
  const config = request.config as StarConfig;
  const lines = new LineIndex(request.text);
  const document = {
    fileName: request.fileName,
    lines,
    stories: [],
    templates: [],
    facts: flatFacts({ headings: [], labels: [], questions: [], meta: [], comments: [], prose: [], code: [] }, 0),
    pieces: [{ start: 0, text: request.text }],
    tooComplex: [{ start: 0, end: request.text.length, budgetMs: deadlineMs }],
  };
  const severity = ruleLevel(config.rules ?? {}, tooComplex.code, tooComplex.name) ?? tooComplex.defaultSeverity;
  const findings: ShownFinding[] = severity === 'off'
    ? []
    : tooComplex.check({ document, config }).map((p) => ({ rule: tooComplex.code, name: tooComplex.name, severity, message: p.message, range: p.range }));
  return { stories: [], findings, key: `overdue:${findings.length}` };
}
