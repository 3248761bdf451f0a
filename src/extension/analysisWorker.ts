// The analysis worker (DESIGN §9): runs in a worker thread so that no input can block the extension
// host. It keeps one AnalysisSession, so each document is analysed incrementally against its last
// text, and answers every question about a document from that analysis: the stories and findings,
// a finding's fixes, a metric under the mouse, a story for the rehearsal panel (rendered here, so the
// host never loads a Markdown parser). Imports the core only — never `vscode`. Bundled on its own as
// dist/analysisWorker.js.
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { StarConfig } from '../core/lint/config';
import { safeEdits } from '../core/lint/fix';
import { metricAt } from '../core/views/metricHover';
import type { Finding, Range } from '../core/model';
import { AnalysisSession } from '../core/analysisSession';
import { buildStoryView } from '../rehearsal/storyView';
import type { AnalysisReply, AnalysisRequest, Answers, Kind, ShownFinding } from './analysisProtocol';
import { buffersOf, toSegments } from './segments';

const session = new AnalysisSession();

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** A finding as the host shows it: without its fixes, which are not even made until asked for. */
function shownFinding({ rule, name, severity, message, range, story }: Finding): ShownFinding {
  return story === undefined ? { rule, name, severity, message, range } : { rule, name, severity, message, range, story };
}

function answer({ fileName, text, config, question }: AnalysisRequest): Answers[Kind] {
  const { document, findings } = session.analyse(fileName, text, config as StarConfig);
  switch (question.kind) {
    case 'analysis': {
      const stories = toSegments(document.stories);
      const shown = toSegments(findings.map(shownFinding));
      const hash = createHash('sha1');
      for (const segment of [...stories, '\u0000', ...shown]) hash.update(segment);
      return { stories, findings: shown, key: hash.digest('base64') };
    }
    case 'fixes':
      return question.places.map((place) => findings.filter((f) => f.rule === place.rule && sameRange(f.range, place.range)).flatMap((f) => f.fixes ?? []));
    case 'fixAll':
      return safeEdits(findings);
    case 'metric':
      return metricAt(document, question.offset);
    case 'templates':
      return document.templates.map((t) => ({ title: t.title, titleRange: t.titleRange, placeholder: t.sections[0].contentRange }));
    case 'storyView': {
      const story = document.stories.find((s) => s.id === question.storyId);
      return story && buildStoryView(story, document.lines, question.options);
    }
  }
}

parentPort?.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const given = answer(request);
    reply = { id: request.id, answer: given };
    if (request.question.kind === 'analysis') {
      const { stories, findings } = given as Answers['analysis'];
      transfer = [...buffersOf(stories), ...buffersOf(findings)];
    }
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply, transfer);
});
