import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Wired up by the core parser work (issue 2).
}

export function deactivate(): void {}
