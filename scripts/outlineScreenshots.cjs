#!/usr/bin/env node
// Screenshots of the Outline of a report and of a compilation of many (the corpus repeated to about 5 MB): the one
// lists lead-in sentences, the other, past reportAnnotator.outline.sentenceLimit, headings only; and the setting.
// A real VS Code (../shared/tools/vscode-offline) in headless Chromium, as uiScreenshots.cjs; one PNG per step under
// test-results/screenshots/outline-<theme>-<lang>/.
//   eval "$(sh ../shared/tools/vscode-offline/setup.sh)"; npm run build
//   node scripts/outlineScreenshots.cjs [--zh] [--theme "Default Light Modern"]
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const { ROOT_DIR, sleep, shooter, writeWorkspaceSettings, openVsCode, runCommand } = require('./vscodeSession.cjs');
const SHARED = path.resolve(ROOT_DIR, '..', 'shared');
const args = process.argv.slice(2);
const ZH = args.includes('--zh');
const THEME = args.includes('--theme') ? args[args.indexOf('--theme') + 1] : 'Default Dark Modern';
const NAME = `outline-${THEME.replace(/^Default /, '').replace(/\W+/g, '-').toLowerCase()}-${ZH ? 'zh' : 'en'}`;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-outline-'));
const WS = path.join(WORK, 'ws');
const shot = shooter(path.join(ROOT_DIR, 'test-results', 'screenshots', NAME));

function setup() {
  fs.mkdirSync(WS, { recursive: true });
  const dir = path.join(SHARED, 'corpus');
  const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8').trimEnd());
  const parts = [];
  for (let i = 0, bytes = 0; bytes < 5 * 1024 * 1024; i++) {
    parts.push(texts[i % texts.length]);
    bytes += Buffer.byteLength(texts[i % texts.length]) + 2;
  }
  fs.writeFileSync(path.join(WS, 'compilation.txt'), `${parts.join('\n\n')}\n`);
  fs.copyFileSync(path.join(dir, 'national-2016.txt'), path.join(WS, 'national-2016.txt'));
  writeWorkspaceSettings(WS, THEME);
}

async function openWithOutline(page, file, waitMs) {
  await page.click(`.explorer-folders-view .monaco-list-row[aria-label^="${file}"]`);
  await page.waitForSelector('.monaco-editor .view-lines');
  await sleep(waitMs); // detection, analysis, then the Outline asks for the symbols
  await runCommand(page, 'Explorer: Focus on Outline View');
  await sleep(3500);
}

(async () => {
  setup();
  const session = await openVsCode({ work: WORK, folder: WS, zh: ZH });
  const { page } = session;
  try {
    await openWithOutline(page, 'national-2016.txt', 4000);
    await shot(page, 'outline-one-report');
    await openWithOutline(page, 'compilation.txt', 15000);
    await shot(page, 'outline-compilation');
    await runCommand(page, 'Preferences: Open Settings (UI)');
    await sleep(1500);
    await page.keyboard.type('sentenceLimit', { delay: 20 });
    await sleep(2000);
    await shot(page, 'setting');
  } catch (err) {
    console.error('screenshots stopped:', err);
    process.exitCode = 1;
  } finally {
    await session.close();
  }
})();
