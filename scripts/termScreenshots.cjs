#!/usr/bin/env node
// Screenshots of a search term's use over the years in a real VS Code (as scripts/corpusScreenshots.cjs): the
// Find view's rows per year for 小康 over the shared corpora, and its chart of hits per 10,000 characters (all the
// reports, then the national ones beside them) with the table under it.
//   eval "$(cat /tmp/vsenv.sh)"; npm run build
//   node scripts/termScreenshots.cjs [--zh] [--theme "Default Light Modern"]   → test-results/screenshots/term-<lang>-<theme>/
//   (PRINT_COLOURS=1: also prints the theme's chart colours as the webview gets them.)
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const { ROOT_DIR, sleep, shooter, writeWorkspaceSettings, openVsCode, runCommand } = require('./vscodeSession.cjs');
const SHARED = path.resolve(ROOT_DIR, '..', 'shared');
const args = process.argv.slice(2);
const ZH = args.includes('--zh');
const THEME = args.includes('--theme') ? args[args.indexOf('--theme') + 1] : 'Default Dark Modern';
const NAME = `term-${ZH ? 'zh' : 'en'}-${THEME.replace(/^Default /, '').replace(/\W+/g, '-').toLowerCase()}`;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-term-shots-'));
const WS = path.join(WORK, 'ws');
const shot = shooter(path.join(ROOT_DIR, 'test-results', 'screenshots', NAME));

(async () => {
  for (const dir of ['corpus-national', 'corpus-local', 'corpus-provinces-2026']) {
    fs.mkdirSync(path.join(WS, dir), { recursive: true });
    for (const f of fs.readdirSync(path.join(SHARED, dir))) if (f.endsWith('.txt')) fs.copyFileSync(path.join(SHARED, dir, f), path.join(WS, dir, f));
  }
  writeWorkspaceSettings(WS, THEME);
  const session = await openVsCode({ work: WORK, folder: WS, zh: ZH, width: 1500, height: 950 });
  const { page } = session;
  try {
    await page.click(`.activitybar .action-item a[aria-label="${ZH ? '报告' : 'Report'}"], .activitybar .action-item[aria-label="${ZH ? '报告' : 'Report'}"]`);
    await sleep(15000); // (the corpus indexes)
    await runCommand(page, ZH ? '在报告中检索' : 'Find in Reports');
    await sleep(900);
    await page.keyboard.type('小康', { delay: 30 });
    await page.keyboard.press('Enter');
    await sleep(4000);
    const summary = page.locator('.part.sidebar .monaco-list-row', { hasText: '小康' }).first();
    await summary.click().catch((e) => console.log('no summary row', e.message.split('\n')[0]));
    await sleep(1200);
    await shot(page, 'find-years');
    // The view's … menu: Export Hits as CSV.
    const header = page.locator('.part.sidebar .pane-header', { hasText: ZH ? '报告检索' : 'Find in Reports' }).first();
    await header.hover();
    await header.locator('.action-label.codicon-toolbar-more, .action-label[aria-label^="More"], .action-label[aria-label^="更多"]').first().click().catch((e) => console.log('no … menu', e.message.split('\n')[0]));
    await sleep(800);
    await shot(page, 'find-menu');
    await page.keyboard.press('Escape');
    await runCommand(page, ZH ? '显示逐年词频' : 'Show Frequency per Year');
    await sleep(5000);
    await shot(page, 'chart');
    // Hover the point of 1985: its reports.
    const frame = page.frames().find((f) => f.url().includes('timeline') || f.url().includes('webview'));
    const inner = page.frames().find((f) => f !== page.mainFrame() && f.parentFrame() === frame) ?? frame;
    const target = inner && (await inner.$$('.ra-targets circle'));
    if (target && target.length > 20) {
      await target[20].hover();
      await sleep(800);
      await shot(page, 'chart-hover');
    } else console.log('no points to hover', target?.length);
    // The national reports' line beside all the reports' (the second region by years: the first is the pool).
    if (process.env.PRINT_COLOURS && inner) console.log(await inner.evaluate(() => ['blue', 'orange', 'green', 'purple', 'red', 'yellow'].map((c) => `${c} ${getComputedStyle(document.body).getPropertyValue(`--vscode-charts-${c}`)}`).join(', ')));
    const boxes = inner ? await inner.$$('#regions input') : [];
    if (boxes.length > 1) {
      await boxes[1].click();
      await sleep(2500);
      await shot(page, 'chart-regions');
    } else console.log('no regions to choose', boxes.length);
    if (inner) await inner.evaluate(() => document.getElementById('table').scrollIntoView()).catch((e) => console.log('no table', e.message));
    await sleep(800);
    await shot(page, 'table');
  } finally {
    await session.close();
  }
})().catch((err) => { console.error(err); process.exitCode = 1; });
