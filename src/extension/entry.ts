// What VS Code loads (package.json `main`, bundled to dist/extension.js): a few lines that load the extension's
// bundle (extension.ts, bundled to dist/extensionMain.js) with V8's code cache and activate it. The cache lives in
// the extension's global storage; it is written once, after an activation that had none.
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { cpuUsage } from './common/activationTiming';
import { codeCacheDir, loadBundle } from './common/codeCache';
import type { ActivatedApi } from './extension';

type Extension = typeof import('./extension');

let extension: Extension | undefined;

export function activate(context: vscode.ExtensionContext): ActivatedApi {
  const start = performance.now();
  const cpu = cpuUsage().usage;
  const bundle = loadBundle<Extension>(join(__dirname, 'extensionMain.js'), codeCacheDir(context.globalStorageUri), require);
  extension = bundle.exports;
  const { cache, readMs, compileMs, evaluateMs } = bundle;
  const api = extension.activate(context, { start, cpu, cache, readMs, compileMs, evaluateMs });
  // Written once activate() has returned: the cache then holds the top level and what activation ran, nothing more
  // (a cache made minutes later held every function used by then: 370 KB instead of 210, and V8 reads all of it at
  // the next activation, 10-14 ms instead of 8). A cache that cannot be written costs the next activation its
  // compile time, nothing else: it is not reported.
  const save = setTimeout(() => void bundle.saveCache().catch(() => undefined), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(save) });
  return api;
}

export function deactivate(): void {
  extension?.deactivate();
}
