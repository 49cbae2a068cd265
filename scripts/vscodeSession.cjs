// A real VS Code for the screenshot scripts (uiScreenshots, corpusScreenshots, codingScreenshots, outlineScreenshots): the
// offline server and web workbench of ../shared/tools/vscode-offline (VSCODE_SERVER_NODE / VSCODE_SERVER_MAIN
// from its setup.sh), driven in headless Chromium by playwright-core, with this checkout installed as an
// extension in a fresh profile. --zh uses a stub zh-cn language pack, as ../shared/tools/ui-walk does.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT_DIR = path.resolve(__dirname, '..');
const { chromium } = require(path.join(os.homedir(), '.cache/vscode-offline/runner/node_modules/playwright-core'));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((r) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });

/** `shot(page, name)` saves NN-name.png in `dir`, numbered in order. */
function shooter(dir) {
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page, name) => {
    const file = path.join(dir, `${String(++n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    console.log('shot', file);
  };
}

/** The workspace's settings: the theme, no start page, no chat. */
function writeWorkspaceSettings(folder, theme) {
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': theme, 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true }));
}

/**
 * Starts the server on a fresh profile under `work` (this checkout as its one extension), opens `folder` in
 * headless Chromium and waits for the explorer. Returns the page and close(), which also removes `work`.
 */
async function openVsCode({ work, folder, zh = false, width = 1400, height = 850 }) {
  const data = path.join(work, 'data');
  fs.mkdirSync(path.join(data, 'ext'), { recursive: true });
  fs.mkdirSync(path.join(data, 'user'), { recursive: true });
  fs.symlinkSync(ROOT_DIR, path.join(data, 'ext', 'report-annotator.report-annotator-0.1.0'));
  if (zh) {
    // The display language becomes zh-cn: the extension's strings are Chinese, VS Code's own stay English.
    fs.mkdirSync(path.join(work, 'lp'), { recursive: true });
    fs.writeFileSync(path.join(work, 'lp', 'main.i18n.json'), '{"version":"1.0.0","contents":{}}');
    fs.writeFileSync(path.join(data, 'user', 'languagepacks.json'), JSON.stringify({ 'zh-cn': { hash: 'stub1', extensions: [{ extensionIdentifier: { id: 'stub.zh' }, version: '1.0.0' }], translations: { vscode: path.join(work, 'lp', 'main.i18n.json') }, label: '中文(简体)' } }));
  }
  const port = await freePort();
  const server = spawn(process.env.VSCODE_SERVER_NODE, [process.env.VSCODE_SERVER_MAIN, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms', '--disable-telemetry', '--disable-workspace-trust', '--server-data-dir', path.join(data, 'server'), '--user-data-dir', path.join(data, 'user'), '--extensions-dir', path.join(data, 'ext'), ...(zh ? ['--locale', 'zh-cn'] : [])], { stdio: 'ignore', detached: true, env: { ...process.env, HOME: path.join(work, 'home') } });
  let browser;
  const exited = new Promise((r) => server.once('exit', r));
  // (The work folder, a fresh profile and workspace, goes with the session; the screenshots are kept elsewhere.)
  const close = async () => {
    await browser?.close().catch(() => {});
    try { process.kill(-server.pid, 'SIGTERM'); } catch {}
    await Promise.race([exited, sleep(5000)]);
    try { fs.rmSync(work, { recursive: true, force: true, maxRetries: 3 }); } catch (err) { console.warn(`left ${work}: ${err.message}`); }
  };
  try {
    for (let i = 0; ; i++) { try { if ((await fetch(`http://127.0.0.1:${port}/`)).status < 500) break; } catch {} if (i > 150) throw new Error('the server did not start'); await sleep(200); }
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    await sleep(3000);
    await page.click('.part.auxiliarybar .actions-container a[aria-label^="Hide"], .part.auxiliarybar a.codicon-close', { timeout: 3000 }).catch(() => {});
    return { page, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The screen box of `text` in the editor's rendered lines (the first line holding it), or null. */
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

/** Runs a command by its title from the command palette (F1), as a person would; returns once Enter is pressed. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title, { delay: 20 });
  await sleep(700);
  await page.keyboard.press('Enter');
}

module.exports = { ROOT_DIR, sleep, shooter, writeWorkspaceSettings, openVsCode, runCommand, textBox };
