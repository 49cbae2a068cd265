#!/usr/bin/env node
// Screenshots of the corpus features (issue 9) in a real VS Code (the offline server and web workbench) in
// headless Chromium, as scripts/uiScreenshots.cjs does: the Corpus view after indexing the shared corpus
// folders, the timeline of the GDP growth target and result, and the Find view with a KWIC list for 小康.
//   eval "$(cat /tmp/vsenv.sh)"; npm run build
//   node scripts/corpusScreenshots.cjs [--theme "Default Light Modern"]   → test-results/screenshots/corpus-<theme>/
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const os = require('node:os');

const ROOT_DIR = path.resolve(__dirname, '..');
const SHARED = path.resolve(ROOT_DIR, '..', 'shared');
const { chromium } = require(path.join(os.homedir(), '.cache/vscode-offline/runner/node_modules/playwright-core'));
const args = process.argv.slice(2);
const THEME = args.includes('--theme') ? args[args.indexOf('--theme') + 1] : 'Default Dark Modern';
const NAME = `corpus-${THEME.replace(/^Default /, '').replace(/\W+/g, '-').toLowerCase()}`;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-corpus-shots-'));
const WS = path.join(WORK, 'ws');
const SHOTS = path.join(ROOT_DIR, 'test-results', 'screenshots', NAME);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let n = 0;
async function shot(page, name) {
  const file = path.join(SHOTS, `${String(++n).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  console.log('shot', file);
}
const freePort = () => new Promise((r) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });

function setup() {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const dir of ['corpus', 'corpus-national', 'corpus-local', 'corpus-provinces-2026']) {
    fs.mkdirSync(path.join(WS, dir), { recursive: true });
    for (const f of fs.readdirSync(path.join(SHARED, dir))) if (f.endsWith('.txt')) fs.copyFileSync(path.join(SHARED, dir, f), path.join(WS, dir, f));
  }
  fs.mkdirSync(path.join(WS, '.vscode'));
  fs.writeFileSync(path.join(WS, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': THEME, 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true }));
  const data = path.join(WORK, 'data');
  fs.mkdirSync(path.join(data, 'ext'), { recursive: true });
  fs.mkdirSync(path.join(data, 'user'), { recursive: true });
  fs.symlinkSync(ROOT_DIR, path.join(data, 'ext', 'report-annotator.report-annotator-0.1.0'));
  return data;
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title, { delay: 20 });
  await sleep(700);
  await page.keyboard.press('Enter');
  await sleep(900);
}

(async () => {
  const data = setup();
  const port = await freePort();
  const server = spawn(process.env.VSCODE_SERVER_NODE, [process.env.VSCODE_SERVER_MAIN, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms', '--disable-telemetry', '--disable-workspace-trust', '--server-data-dir', path.join(data, 'server'), '--user-data-dir', path.join(data, 'user'), '--extensions-dir', path.join(data, 'ext')], { stdio: 'ignore', detached: true, env: { ...process.env, HOME: path.join(WORK, 'home') } });
  let browser;
  try {
    for (let i = 0; ; i++) { try { if ((await fetch(`http://127.0.0.1:${port}/`)).status < 500) break; } catch {} if (i > 150) throw new Error('the server did not start'); await sleep(200); }
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(WS)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    await sleep(3000);
    await page.click('.part.auxiliarybar .actions-container a[aria-label^="Hide"], .part.auxiliarybar a.codicon-close', { timeout: 3000 }).catch(() => {});
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
    await page.keyboard.type('小康', { delay: 30 });
    await page.keyboard.press('Enter');
    await sleep(3000);
    const reportRow = page.locator('.part.sidebar .pane', { hasText: 'Find in Reports' }).locator('.monaco-list-row').nth(1);
    await reportRow.click().catch((e) => console.log('no find row', e.message.split('\n')[0]));
    await sleep(1200);
    await shot(page, 'find-kwic');
    void frame;
  } finally {
    await browser?.close();
    try { process.kill(-server.pid); } catch {}
  }
})().catch((err) => { console.error(err); process.exitCode = 1; });
