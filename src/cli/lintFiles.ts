// `star-stories lint` for one file at a time: read, analyse, fix if asked, lint — keeping only what the
// report needs, so that a large story bank is never held in memory whole.
import { writeFileSync } from 'node:fs';
import { StoryAnalyser, type StoryDocument } from '../core/analyse';
import type { StarConfig } from '../core/lint/config';
import { applyEdits, safeEdits } from '../core/lint/fix';
import { lintDocument } from '../core/lint/lint';
import { withoutMemory } from '../core/util/memo';
import { readStoryFile, type FileProblem } from './files';
import { reported, type LintedFile } from './lintCommand';

/**
 * Each file gets an analyser of its own, which remembers nothing: each text is read once (`--fix`
 * reads its fixed versions afresh), and one analyser's caches for every file would only be more for
 * each garbage collection to copy.
 */
export function analyserFor(config: StarConfig): StoryAnalyser {
  return new StoryAnalyser({ lexicon: config.lexicon, remember: false });
}

/** Applies every safe fix until nothing changes (a fix can reveal another), and writes the file if it changed. */
function fixFile(original: StoryDocument, analyser: StoryAnalyser, config: StarConfig, bom: boolean, onError: (message: string) => void): StoryDocument {
  let document = original;
  for (let pass = 0; pass < 5; pass++) {
    const edits = safeEdits(lintDocument(document, config, { disableFixes: false }));
    if (edits.length === 0) break;
    document = analyser.analyse(applyEdits(document, edits), document.fileName);
  }
  if (document !== original && document.lines.text !== original.lines.text) {
    try {
      // The byte order mark was set aside when reading; a fix does not name it, so it stays.
      writeFileSync(document.fileName, bom ? `\uFEFF${document.lines.text}` : document.lines.text);
    } catch (error) {
      onError(`${document.fileName}: could not write the fixes (${(error as Error).message})`);
      return original;
    }
  }
  return document;
}

/** The findings of one file, or why it could not be read. `onError` hears about fixes that could not be written. */
export function lintPath(path: string, config: StarConfig, fix: boolean, onError: (message: string) => void): LintedFile | FileProblem {
  const file = readStoryFile(path);
  if ('message' in file) return file;
  const analyser = analyserFor(config);
  let document = analyser.analyse(file.text, file.path);
  if (fix) document = fixFile(document, analyser, config, file.bom, onError);
  // Each section is read once: the rules' memos of section texts would only cost their look-ups and copies.
  const findings = withoutMemory(() => lintDocument(document, config, { disableFixes: false }));
  return { path: document.fileName, stories: document.stories.length, findings: findings.map(reported) };
}
