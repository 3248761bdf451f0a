// The story model shared by every layer. Positions are 0-based line/character in UTF-16 code
// units (what VS Code uses); the CLI adds 1 when it prints them.

export type Role = 'situation' | 'task' | 'action' | 'result' | 'learning';
export type Framework = 'STAR' | 'STARL' | 'CAR' | 'PAR' | 'SOAR';
export type Severity = 'error' | 'warning' | 'info';
/** The languages stories are read in (src/core/read/languages.ts). */
export type Language = 'en' | 'es' | 'pt' | 'fr' | 'de' | 'it' | 'nl' | 'zh';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A target speaking time in seconds, `[min, max]`. */
export type TargetSeconds = [number, number];

/** The way a label was written; lower numbers are stronger (DESIGN §3). */
export type LabelForm = 'heading' | 'bold' | 'list' | 'table';

export interface Section {
  role: Role;
  /** The label as written, e.g. `**SITUATION (Context Setting - 30 seconds)**` gives `SITUATION (Context Setting - 30 seconds)`. */
  label: string;
  /** The lexicon word the label matched after normalisation, e.g. `the setup`. */
  keyword: string;
  form: LabelForm;
  labelRange: Range;
  contentRange: Range;
  /** Plain text of the content (code blocks left out). */
  text: string;
  words: number;
  targetSeconds?: TargetSeconds;
}

export interface FollowUp {
  question: string;
  range: Range;
}

export interface Story {
  /** Stable across edits that do not touch the title: title slug plus ordinal within the file. */
  id: string;
  title: string;
  titleRange: Range;
  range: Range;
  framework: Framework;
  sections: Section[];
  followUps: FollowUp[];
  tags: string[];
  /** The language the story is told in, from its words: rules whose words are English stay silent on the others. */
  language: Language;
  question?: string;
  targetSeconds?: TargetSeconds;
}

/** A text edit in document coordinates. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without looking (`--fix`, fix-all). */
  safe: boolean;
}

export interface Finding {
  rule: string;
  name: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
  /** Title of the story the finding concerns, when there is one. */
  story?: string;
}
