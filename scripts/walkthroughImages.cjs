#!/usr/bin/env node
// The Get Started walkthrough's pictures, taken in a real VS Code as a person works (see vscodeSession.cjs): one
// set per display language and theme kind, under media/walkthrough/<en|zh-cn>/<dark|light>/, which package.json
// names through package.nls*.json. Each picture shows its step being done: a report open with a figure's hover,
// the Report view, the tag picker over a tagged paragraph, the export commands in the palette.
//   eval "$(sh ../shared/tools/vscode-offline/setup.sh)"; npm run build
//   node scripts/walkthroughImages.cjs [--zh] [--light]
// Needs pngquant (apt-get install pngquant): the pictures ship in the .vsix, in 256 colours they weigh a third.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const { ROOT_DIR, sleep, writeWorkspaceSettings, openVsCode, textBox } = require('./vscodeSession.cjs');
const args = process.argv.slice(2);
const ZH = args.includes('--zh');
const LIGHT = args.includes('--light');
const OUT = path.join(ROOT_DIR, 'media', 'walkthrough', ZH ? 'zh-cn' : 'en', LIGHT ? 'light' : 'dark');
const REPORT = path.resolve(ROOT_DIR, '..', 'shared', 'corpus', 'national-2016.txt');
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-walkthrough-'));
const WS = path.join(WORK, 'ws');
const L = ZH
  ? { view: '报告', figures: '数据', otherViews: ['标签', '语料库'], firstTag: '经济运行', export: '报告标注: 导出' }
  : { view: 'Report', figures: 'Figures', otherViews: ['Tags', 'Corpus'], firstTag: 'Economy', export: 'Report Annotator: Export' };
/** The window's size, and so each picture's (the walkthrough shows it at about this width on a wide screen). */
const SIZE = { width: 1100, height: 620 };

/** Saves the window as OUT/<name>.png in 256 colours. */
async function save(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  const raw = path.join(WORK, `${name}.png`);
  await page.screenshot({ path: raw });
  const file = path.join(OUT, `${name}.png`);
  execFileSync('pngquant', ['--speed', '1', '--strip', '--force', '--output', file, raw]);
  console.log('saved', path.relative(ROOT_DIR, file), `${Math.round(fs.statSync(file).size / 1024)} KB`);
}

async function clickInText(page, text) {
  const at = await textBox(page, text);
  if (!at) throw new Error(`not on screen: ${text}`);
  await page.mouse.click(at.x + 2, at.y + at.h / 2);
  return at;
}

(async () => {
  fs.mkdirSync(WS, { recursive: true });
  fs.copyFileSync(REPORT, path.join(WS, path.basename(REPORT)));
  writeWorkspaceSettings(WS, LIGHT ? 'Default Light Modern' : 'Default Dark Modern');
  const session = await openVsCode({ work: WORK, folder: WS, zh: ZH, ...SIZE });
  const { page } = session;
  try {
    // 1. The report open, its figures highlighted, a figure's hover.
    await page.click(`.explorer-folders-view .monaco-list-row[aria-label^="${path.basename(REPORT)}"]`);
    await page.waitForSelector('.monaco-editor .view-lines');
    await sleep(2500);
    const figure = await textBox(page, '67.7万亿元');
    if (!figure) throw new Error('the figure is not on screen');
    await page.mouse.move(figure.x + figure.w / 2, figure.y + figure.h / 2);
    await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents', { timeout: 10000 });
    await sleep(800);
    await save(page, 'open');
    await page.mouse.move(600, 700);
    await page.keyboard.press('Escape');

    // 2. The Report view beside the report, its figures open.
    await page.click(`.activitybar .action-item a[aria-label="${L.view}"], .activitybar .action-item[aria-label="${L.view}"]`);
    await page.waitForSelector(`.part.sidebar .monaco-list-row[aria-label^="${L.figures}"]`, { timeout: 30000 });
    await sleep(800);
    // The views below it closed, so that the report's own tree has the height.
    for (const title of L.otherViews) await page.click(`.part.sidebar .pane-header h3.title:text-is("${title}")`).catch(() => console.log(`no view ${title} to close`));
    await sleep(500);
    await page.click(`.part.sidebar .monaco-list-row[aria-label^="${L.figures}"] .monaco-tl-twistie`).catch(() => {});
    await sleep(1000);
    await save(page, 'report-view');

    // 3. One paragraph tagged, the tag picker open on the next.
    await clickInText(page, '经济运行保持在合理区间');
    await page.keyboard.press('Control+Alt+T');
    await page.waitForSelector('.quick-input-widget .monaco-list-row', { state: 'visible' });
    await page.keyboard.type(L.firstTag, { delay: 40 });
    await sleep(500);
    await page.keyboard.press('Enter');
    await sleep(1200);
    await clickInText(page, '结构调整取得积极进展');
    await page.keyboard.press('Control+Alt+T');
    await page.waitForSelector('.quick-input-widget .monaco-list-row', { state: 'visible' });
    await sleep(1000);
    await save(page, 'tag');
    await page.keyboard.press('Escape');
    await sleep(500);

    // 4. The export commands in the command palette.
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(L.export, { delay: 30 });
    await sleep(1200);
    await save(page, 'export');
  } catch (err) {
    console.error('walkthrough pictures stopped:', err);
    process.exitCode = 1;
  } finally {
    await session.close();
  }
})();
