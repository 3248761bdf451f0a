// The analysis worker (DESIGN §9): runs in a worker thread so that no input can block the extension
// host. It keeps one AnalysisSession, so each document is analysed incrementally against its last
// text. Imports the core only — never `vscode`. Bundled on its own as dist/analysisWorker.js.
import { parentPort } from 'node:worker_threads';
import type { StarConfig } from '../core/config';
import { AnalysisSession } from '../core/session';
import type { AnalysisReply, AnalysisRequest } from './analysisProtocol';

const session = new AnalysisSession();

parentPort?.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    const { document, findings } = session.analyse(request.fileName, request.text, request.config as StarConfig);
    const { facts } = document;
    reply = {
      id: request.id,
      stories: document.stories,
      // Prose stays here: it is large, and only assembly (done) reads it.
      facts: { bodyStart: facts.bodyStart, code: facts.code, comments: facts.comments, headings: facts.headings, labels: facts.labels, questions: facts.questions, meta: facts.meta },
      tooComplex: document.tooComplex ?? [],
      findings,
    };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
