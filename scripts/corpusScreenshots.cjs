#!/usr/bin/env node
// Screenshots of the corpus features (issue 9) in a real VS Code (the offline server and web workbench) in
// headless Chromium, as scripts/uiScreenshots.cjs does: the Corpus view after indexing the shared corpus
// folders, the timeline of the GDP growth target and result, and the Find view with a KWIC list for 小康.
//   eval "$(cat /tmp/vsenv.sh)"; npm run build
//   node scripts/corpusScreenshots.cjs [--theme "Default Light Modern"]   → test-results/screenshots/corpus-<theme>/
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const { ROOT_DIR, sleep, shooter, writeWorkspaceSettings, openVsCode, runCommand } = require('./vscodeSession.cjs');
const SHARED = path.resolve(ROOT_DIR, '..', 'shared');
const args = process.argv.slice(2);
const THEME = args.includes('--theme') ? args[args.indexOf('--theme') + 1] : 'Default Dark Modern';
const NAME = `corpus-${THEME.replace(/^Default /, '').replace(/\W+/g, '-').toLowerCase()}`;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-corpus-shots-'));
const WS = path.join(WORK, 'ws');
const SHOTS = path.join(ROOT_DIR, 'test-results', 'screenshots', NAME);
const shot = shooter(SHOTS);

function setup() {
  for (const dir of ['corpus', 'corpus-national', 'corpus-local', 'corpus-provinces-2026']) {
    fs.mkdirSync(path.join(WS, dir), { recursive: true });
    for (const f of fs.readdirSync(path.join(SHARED, dir))) if (f.endsWith('.txt')) fs.copyFileSync(path.join(SHARED, dir, f), path.join(WS, dir, f));
  }
  writeWorkspaceSettings(WS, THEME);
}

(async () => {
  setup();
  const session = await openVsCode({ work: WORK, folder: WS, zh: false, width: 1500, height: 900 });
  const { page } = session;
  try {
    await page.click('.activitybar .action-item a[aria-label="Report"], .activitybar .action-item[aria-label="Report"]');
    // The Corpus view fills as the worker indexes; wait for the national group.
    for (let i = 0; i < 240; i++) {
      const rows = await page.$$eval('.part.sidebar .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      if (rows.some((r) => r.startsWith('National'))) break;
      await sleep(250);
    }
    await sleep(2500);
    // Collapse the Report view's pane so the Corpus view has room.
    await page.locator('.part.sidebar .pane-header', { hasText: 'Report' }).first().click().catch(() => {});
    await sleep(800);
    await shot(page, 'corpus-view');
    // The timeline of the GDP growth rate: the quick pick lists the indicator with most points first.
    await runCommand(page, 'Show Indicator Timeline');
    await sleep(900);
    await page.keyboard.type('gdp', { delay: 30 });
    await sleep(700);
    await page.keyboard.press('Enter');
    await sleep(5000);
    await shot(page, 'timeline-gdp');
    // Hover a point: its sentence and report.
    const frame = page.frames().find((f) => f.url().includes('timeline') || f.name().includes('timeline'));
    console.log('frames', page.frames().map((f) => f.url().slice(0, 80)));
    // Find in reports: 小康.
    await runCommand(page, 'Find in Reports');
    await sleep(900);
    await page.keyboard.type('小康', { delay: 30 });
    await page.keyboard.press('Enter');
    await sleep(3000);
    const reportRow = page.locator('.part.sidebar .pane', { hasText: 'Find in Reports' }).locator('.monaco-list-row').nth(1);
    await reportRow.click().catch((e) => console.log('no find row', e.message.split('\n')[0]));
    await sleep(1200);
    await shot(page, 'find-kwic');
    void frame;
  } finally {
    await session.close();
  }
})().catch((err) => { console.error(err); process.exitCode = 1; });
