// The `vscode` module, once. esbuild turns each `import * as vscode from 'vscode'` of an external
// CommonJS module into a copy of all its exports (`__toESM`): 20 copies of VS Code's API object were
// a quarter of activation's CPU time. esbuild.mjs points the extension's imports of 'vscode' here.
export * from 'vscode';
