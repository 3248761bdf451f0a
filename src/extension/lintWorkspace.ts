// "STAR: Lint Workspace": every story file in the workspace, into the Problems panel.
import * as vscode from 'vscode';
import type { DocumentAnalyses } from './analyses';
import type { StoryDiagnostics } from './diagnostics';
import type { Settings } from './settings';

export async function lintWorkspace(analyses: DocumentAnalyses, diagnostics: StoryDiagnostics, settings: Settings): Promise<{ files: number; stories: number; findings: number }> {
  const uris = await settings.storyFiles();
  let stories = 0;
  let findings = 0;
  let files = 0;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'STAR: linting stories' }, async () => {
    for (const uri of uris) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let analysed;
      if (open) analysed = await analyses.analysis(open);
      else {
        let text: string;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          continue; // unreadable or not UTF-8: never a story file we could lint
        }
        analysed = await analyses.analyseText(text, uri);
      }
      const { stories: found, findings: problems } = analysed;
      if (found.length === 0) continue;
      await diagnostics.publish(uri, analysed);
      files++;
      stories += found.length;
      findings += problems.length;
    }
  });
  return { files, stories, findings };
}
