// Checks the runtime translations: l10n/bundle.l10n.json holds exactly the vscode.l10n.t strings of src/
// (collected again with @vscode/l10n-dev), and l10n/bundle.l10n.zh-cn.json translates every one of them with
// the same {0} placeholders. With --write, bundle.l10n.json is regenerated (translations are never invented).
//   node scripts/checkL10n.mjs [--write]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'report-annotator-l10n-'));
let exported;
try {
  execFileSync(process.execPath, [join(root, 'node_modules/@vscode/l10n-dev/dist/cli.js'), 'export', '--outDir', tmp, join(root, 'src')], {
    stdio: 'pipe',
  });
  exported = JSON.parse(readFileSync(join(tmp, 'bundle.l10n.json'), 'utf8'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const bundlePath = join(root, 'l10n/bundle.l10n.json');
if (process.argv.includes('--write')) writeFileSync(bundlePath, `${JSON.stringify(exported, null, 2)}\n`);
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
const zh = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8'));

const keys = (o) => Object.keys(o);
const placeholders = (s) => (s.match(/\{\d+\}/g) ?? []).sort().join(',');
const problems = [];
for (const k of keys(exported)) if (!(k in bundle)) problems.push(`not in l10n/bundle.l10n.json: ${JSON.stringify(k)} (run with --write)`);
for (const k of keys(bundle)) if (!(k in exported)) problems.push(`no longer in the source: ${JSON.stringify(k)} (run with --write)`);
for (const k of keys(exported)) {
  const t = zh[k];
  const text = typeof t === 'object' && t ? t.message : t;
  if (typeof text !== 'string' || text.trim() === '') problems.push(`no Chinese translation: ${JSON.stringify(k)}`);
  else if (placeholders(k) !== placeholders(text)) problems.push(`placeholders differ: ${JSON.stringify(k)} → ${JSON.stringify(text)}`);
}
for (const k of Object.keys(zh)) if (!(k in exported)) problems.push(`translation of a string that is gone: ${JSON.stringify(k)}`);

if (problems.length) {
  console.error(`checkL10n: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`checkL10n: ${Object.keys(exported).length} strings, all translated (zh-cn)`);
