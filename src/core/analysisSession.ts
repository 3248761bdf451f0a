// What the extension's analysis worker runs for each request, and what the benchmark times as a
// "keystroke": the analysis of a document's new text (incremental against its last text) and its lint.
import { StoryAnalyser, type AnalyserOptions, type StoryDocument } from './analyse';
import type { StarConfig } from './lint/config';
import { lintDocument, type LintMemory } from './lint/lint';
import type { Finding } from './model';

export interface AnalysedDocument {
  document: StoryDocument;
  findings: Finding[];
}

/** How many files' last answers are kept for the questions that follow an analysis (fixes, hover, panel). */
const REMEMBERED_FILES = 32;

export class AnalysisSession {
  private readonly analysers = new Map<string, StoryAnalyser>();
  private readonly last = new Map<string, { text: string; settings: string; answer: AnalysedDocument }>();
  /** The last lint of each file, so the next one reuses what did not change. */
  private readonly lints = new Map<string, LintMemory>();

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

  /** The same text with the same settings gets the same answer, without analysing it again. */
  analyse(fileName: string, text: string, config: StarConfig): AnalysedDocument {
    const settings = JSON.stringify(config);
    const last = this.last.get(fileName);
    if (last && last.text === text && last.settings === settings) return last.answer;
    const document = this.analyser(config).analyse(text, fileName);
    let memory = this.lints.get(fileName);
    if (!memory) {
      memory = { stories: [], findings: [], rules: new Map() };
      this.lints.set(fileName, memory);
      if (this.lints.size > 256) this.lints.delete(this.lints.keys().next().value as string);
    }
    const answer = { document, findings: lintDocument(document, config, { memory }) };
    this.last.delete(fileName);
    this.last.set(fileName, { text, settings, answer });
    if (this.last.size > REMEMBERED_FILES) this.last.delete(this.last.keys().next().value!);
    return answer;
  }
}
