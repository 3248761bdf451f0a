// The rehearsal panel's view of the analysis: story views from the worker, with the settings of the
// story's file, and where a section's label is.
import * as vscode from 'vscode';
import type { RehearsalStories } from '../rehearsal/panel';
import type { DocumentAnalyses } from './analyses';
import { toRange } from './convert';
import type { Settings } from './settings';

export function rehearsalStories(analyses: DocumentAnalyses, settings: Settings): RehearsalStories {
  return {
    async storyView(document, ref) {
      const config = await settings.loadedFor(document.uri);
      const options = { key: ref.storyId, file: vscode.workspace.asRelativePath(document.uri), storySeconds: config.targetSeconds, wordsPerMinute: config.wordsPerMinute, question: ref.question };
      return analyses.ask(document, { kind: 'storyView', storyId: ref.storyId, options });
    },
    async sectionLabel(document, storyId, index) {
      const section = (await analyses.analysis(document)).stories.find((s) => s.id === storyId)?.sections[index];
      return section && toRange(section.labelRange);
    },
  };
}
