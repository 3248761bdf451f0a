// What the extension's analysis worker runs for each request, and what the benchmark times as a
// "keystroke": the analysis of a document's new text (incremental against its last text) and its lint.
import { StoryAnalyser, type AnalyserOptions, type StoryDocument } from './analyse';
import type { StarConfig } from './config';
import { lintDocument } from './lint';
import type { Finding } from './model';

export interface AnalysedDocument {
  document: StoryDocument;
  findings: Finding[];
}

export class AnalysisSession {
  private readonly analysers = new Map<string, StoryAnalyser>();

  constructor(private readonly options: Omit<AnalyserOptions, 'lexicon'> = {}) {}

  /** One analyser per lexicon: a lexicon change reads every chunk afresh. */
  private analyser(config: StarConfig): StoryAnalyser {
    const key = JSON.stringify(config.lexicon ?? {});
    let analyser = this.analysers.get(key);
    if (!analyser) {
      analyser = new StoryAnalyser({ ...this.options, lexicon: config.lexicon });
      this.analysers.set(key, analyser);
    }
    return analyser;
  }

  analyse(fileName: string, text: string, config: StarConfig): AnalysedDocument {
    const document = this.analyser(config).analyse(text, fileName);
    return { document, findings: lintDocument(document, config) };
  }
}
