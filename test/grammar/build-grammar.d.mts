// Types for build-grammar.mjs, so the TypeScript unit tests can import it.
export declare const GRAMMAR_PATH: string;
export declare const SCOPE_NAME: string;
export declare const LABEL_WORDS: Record<'situation' | 'task' | 'action' | 'result' | 'learning' | 'challenge', string[]>;
export declare const SCOPES: {
  label: (role: string) => string;
  labelSeparator: string;
  timing: string;
  metric: string;
  claim: string;
  claimMetric: string;
  claimWord: string;
  arrow: string;
  fromTo: string;
};
export declare function buildGrammar(): Record<string, unknown>;
export declare function grammarText(): string;
