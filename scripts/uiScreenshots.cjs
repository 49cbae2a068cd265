#!/usr/bin/env node
// Screenshots of what a reader sees, taken as a person would work (after ../shared/tools/ui-walk): a real
// VS Code (the offline server and web workbench of ../shared/tools/vscode-offline) in headless Chromium.
// Opens a report, the Report view, tags two paragraphs with the keyboard, writes a note of two lines in the
// note box, hovers the tagged paragraph; one PNG per step under test-results/screenshots/<theme>-<lang>/.
//   eval "$(sh ../shared/tools/vscode-offline/setup.sh)"; npm run build
//   node scripts/uiScreenshots.cjs [--zh] [--theme "Default Light Modern"] [--width 1400]
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const os = require('node:os');

const ROOT_DIR = path.resolve(__dirname, '..');
const SHARED = path.resolve(ROOT_DIR, '..', 'shared');
const { chromium } = require(path.join(os.homedir(), '.cache/vscode-offline/runner/node_modules/playwright-core'));
const args = process.argv.slice(2);
const ZH = args.includes('--zh');
const THEME = args.includes('--theme') ? args[args.indexOf('--theme') + 1] : 'Default Dark Modern';
const WIDTH = args.includes('--width') ? Number(args[args.indexOf('--width') + 1]) : 1400;
/** Only the Get Started walkthrough, opened from the command palette. */
const WALKTHROUGH = args.includes('--walkthrough');
const NAME = `${WALKTHROUGH ? 'walkthrough-' : ''}${THEME.replace(/^Default /, '').replace(/\W+/g, '-').toLowerCase()}-${ZH ? 'zh' : 'en'}`;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-shots-'));
const WS = path.join(WORK, 'ws');
const SHOTS = path.join(ROOT_DIR, 'test-results', 'screenshots', NAME);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const L = ZH ? { view: '报告', sections: '章节', tags: '标签', note: '编辑备注…', save: '保存备注' } : { view: 'Report', sections: 'Sections', tags: 'Tags', note: 'Edit Note…', save: 'Save Note' };
let n = 0;
async function shot(page, name) {
  const file = path.join(SHOTS, `${String(++n).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  console.log('shot', file);
}
const freePort = () => new Promise((r) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });

function setup() {
  fs.mkdirSync(WS, { recursive: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const f of fs.readdirSync(path.join(SHARED, 'corpus'))) if (f.endsWith('.txt')) fs.copyFileSync(path.join(SHARED, 'corpus', f), path.join(WS, f));
  fs.mkdirSync(path.join(WS, '.vscode'));
  fs.writeFileSync(path.join(WS, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': THEME, 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true }));
  const data = path.join(WORK, 'data');
  fs.mkdirSync(path.join(data, 'ext'), { recursive: true });
  fs.mkdirSync(path.join(data, 'user'), { recursive: true });
  fs.symlinkSync(ROOT_DIR, path.join(data, 'ext', 'report-annotator.report-annotator-0.1.0'));
  if (ZH) {
    // A stub zh-cn language pack: VS Code runs with display language zh-cn (its own strings stay English).
    fs.mkdirSync(path.join(WORK, 'lp'));
    fs.writeFileSync(path.join(WORK, 'lp', 'main.i18n.json'), '{"version":"1.0.0","contents":{}}');
    fs.writeFileSync(path.join(data, 'user', 'languagepacks.json'), JSON.stringify({ 'zh-cn': { hash: 'stub1', extensions: [{ extensionIdentifier: { id: 'stub.zh' }, version: '1.0.0' }], translations: { vscode: path.join(WORK, 'lp', 'main.i18n.json') }, label: '中文(简体)' } }));
  }
  return data;
}

/** The screen box of `text` in the editor's rendered lines. */
async function textBox(page, text) {
  return page.evaluate((text) => {
    for (const line of document.querySelectorAll('.editor-group-container .monaco-editor .view-line')) {
      const i = line.textContent.indexOf(text);
      if (i < 0) continue;
      const w = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let nd, pos = 0, sN, sO, eN, eO;
      while ((nd = w.nextNode())) {
        const len = nd.textContent.length;
        if (sN === undefined && i < pos + len) { sN = nd; sO = i - pos; }
        if (sN !== undefined && i + text.length <= pos + len) { eN = nd; eO = i + text.length - pos; break; }
        pos += len;
      }
      const r = document.createRange(); r.setStart(sN, sO); r.setEnd(eN, eO);
      const b = r.getBoundingClientRect();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    }
    return null;
  }, text);
}

async function gotoLine(page, line) {
  await page.keyboard.press('Control+G'); await sleep(300);
  await page.keyboard.type(String(line)); await page.keyboard.press('Enter'); await sleep(600);
}

(async () => {
  const data = setup();
  const port = await freePort();
  const server = spawn(process.env.VSCODE_SERVER_NODE, [process.env.VSCODE_SERVER_MAIN, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms', '--disable-telemetry', '--disable-workspace-trust', '--server-data-dir', path.join(data, 'server'), '--user-data-dir', path.join(data, 'user'), '--extensions-dir', path.join(data, 'ext'), ...(ZH ? ['--locale', 'zh-cn'] : [])], { stdio: 'ignore', detached: true, env: { ...process.env, HOME: path.join(WORK, 'home') } });
  let browser;
  try {
    for (let i = 0; ; i++) { try { if ((await fetch(`http://127.0.0.1:${port}/`)).status < 500) break; } catch {} if (i > 150) throw new Error('the server did not start'); await sleep(200); }
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 850 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(WS)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    await sleep(3000);
    await page.click('.part.auxiliarybar .actions-container a[aria-label^="Hide"], .part.auxiliarybar a.codicon-close', { timeout: 3000 }).catch(() => {});
    if (WALKTHROUGH) {
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type('Welcome: Open Walkthrough', { delay: 15 }); await sleep(700);
      await page.keyboard.press('Enter'); await sleep(1000);
      await page.keyboard.type(ZH ? '报告标注器入门' : 'Get Started with Report Annotator', { delay: 15 }); await sleep(800);
      await page.keyboard.press('Enter'); await sleep(2500);
      await shot(page, 'walkthrough');
      await page.locator('.getting-started-step', { hasText: ZH ? '为段落添加标签' : 'Tag a paragraph' }).first().click().catch(() => {});
      await sleep(1500);
      await shot(page, 'walkthrough-tag');
      return;
    }
    // The report, then the Report view.
    await page.click('.explorer-folders-view .monaco-list-row[aria-label^="002_395ec08d707c8053.txt"]');
    await page.waitForSelector('.monaco-editor .view-lines');
    await page.click(`.activitybar .action-item a[aria-label="${L.view}"], .activitybar .action-item[aria-label="${L.view}"]`);
    for (let i = 0; i < 400; i++) { const rows = await page.$$eval('.part.sidebar .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label'))); if (rows.some((r) => r?.startsWith(L.tags))) break; await sleep(25); }
    await sleep(800);
    await shot(page, 'report-view');
    // Tag two paragraphs with the keyboard (a new tag, and a configured one).
    await page.click('.editor-group-container .monaco-editor .view-lines');
    await gotoLine(page, 89);
    for (const [needle, tag] of [['狠抓重点项目建设', '项目建设'], ['狠抓营商环境优化', '营商环境']]) {
      const at = await textBox(page, needle);
      if (!at) { console.log('not on screen:', needle); continue; }
      await page.mouse.click(at.x + 2, at.y + at.h / 2);
      await page.keyboard.press('Control+Alt+T');
      await page.waitForSelector('.quick-input-widget .monaco-list-row', { state: 'visible' });
      await page.keyboard.type(tag, { delay: 40 }); await sleep(500);
      await page.keyboard.press('Enter'); await sleep(900);
    }
    await shot(page, 'tagged');
    // A note of two lines in the note box under the paragraph.
    const first = await textBox(page, '狠抓重点项目建设');
    if (first) {
      await page.mouse.click(first.x + 4, first.y + first.h / 2, { button: 'right' }); await sleep(700);
      await page.locator('.context-view .action-label', { hasText: L.note }).first().click(); await sleep(1500);
      const focused = await page.evaluate(() => !!document.activeElement?.closest('.review-widget, .comment-form'));
      console.log('note box focused on opening:', focused, await page.evaluate(() => [...document.querySelectorAll('.review-widget *')].slice(0, 400).map((e) => e.className).filter((c) => typeof c === 'string' && /comment|editor|input|textarea/.test(c)).slice(0, 30).join(' | ')), await page.evaluate(() => document.activeElement?.className));
      // As a person would, click into the box before typing.
      await page.locator('.review-widget .comment-form .monaco-editor').first().click({ timeout: 3000 }).catch((e) => console.log('no note box to click:', e.message.split('\n')[0]));
      await page.keyboard.type(ZH ? '招商数字需核对：' : 'Check the figures:', { delay: 15 });
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type(ZH ? '与去年报告对照。' : 'compare with last year.', { delay: 15 }); await sleep(400);
      await shot(page, 'note-box');
      await page.locator(`.review-widget .action-label[aria-label="${L.save}"], .comment-form .action-label[aria-label="${L.save}"], .review-widget a[aria-label="${L.save}"]`).first().click({ timeout: 5000 }).catch(async () => page.keyboard.press('Control+Enter'));
      await sleep(1200);
    }
    // The Tags group open, and the hover of the tagged paragraph.
    for (const label of [L.sections, L.tags]) {
      await page.click(`.part.sidebar .monaco-list-row[aria-label^="${label}"] .monaco-tl-twistie`).catch(() => {});
      await sleep(300);
    }
    const mark = await textBox(page, '狠抓重点项目建设');
    if (mark) { await page.mouse.move(mark.x + 3, mark.y + mark.h / 2); await sleep(2000); }
    await shot(page, 'tags-and-note-hover');
  } catch (err) {
    console.error('screenshots stopped:', err);
    process.exitCode = 1;
  } finally {
    await browser?.close().catch(() => {});
    try { process.kill(-server.pid, 'SIGTERM'); } catch {}
  }
})();
