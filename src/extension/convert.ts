// The one place where core positions become VS Code ones.
import * as vscode from 'vscode';
import type { Range } from '../core/model';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
