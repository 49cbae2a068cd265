// What package.json's "browser" entry declares for VS Code for the Web, checked in a real VS Code whose workbench
// runs in a browser, with the extension (and these tests) in the browser's web-worker extension host: reports
// are recognised, sections are symbols and figures have hovers. No Node here: no node:assert, no paths.
import * as vscode from 'vscode';

function check(ok: unknown, message: string): void {
  if (!ok) throw new Error(message);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a probe until it gives a value. */
async function until<T>(what: string, probe: () => Thenable<T | undefined> | Promise<T | undefined> | T | undefined, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

suite('VS Code for the Web', () => {
  test('a report opens as govreport, with sections as symbols and figures with hovers, from the browser bundle', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    check(folder, 'a workspace folder');
    check(typeof (globalThis as { process?: unknown }).process === 'undefined' || typeof (globalThis as { window?: unknown }).window === 'undefined', 'a web worker');
    const uri = vscode.Uri.joinPath(folder!.uri, 'reports', '001_644dbfd378649ff3.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const report = await until(
      'the report recognised',
      () => vscode.workspace.textDocuments.find((t) => t.uri.toString() === uri.toString() && t.languageId === 'govreport'),
      60_000,
    );
    const symbols = await until('symbols from the web extension', async () => {
      const s = (await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', report.uri)) as vscode.DocumentSymbol[] | undefined;
      return s && s.length > 0 ? s : undefined;
    }, 60_000);
    console.log(`      [web] ${symbols.length} top-level symbol(s): ${symbols[0].name}, ${symbols[0].children.length} children`);
    // The news page's headline heads its sections (the desktop suite checks the same structure in detail).
    check(symbols[0].name.includes('宜居宜业宜养之城') && symbols[0].children.length >= 3, `the headline and its sections (${symbols[0].name})`);
    const at = report.positionAt(report.getText().indexOf('51593万元') + 2);
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', report.uri, at)) as vscode.Hover[];
    const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    console.log(`      [web] hover: ${shown.split('\n')[0]}`);
    check(/51593/.test(shown), `the figure's hover (${shown.slice(0, 80)})`);
  });
});
