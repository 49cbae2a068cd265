#!/usr/bin/env node
// Screenshots of what a reader sees, taken as a person would work (after ../shared/tools/ui-walk): a real
// VS Code (the offline server and web workbench of ../shared/tools/vscode-offline) in headless Chromium.
// Opens a report, the Report view, tags two paragraphs with the keyboard, writes a note of two lines in the
// note box, hovers the tagged paragraph; one PNG per step under test-results/screenshots/<theme>-<lang>/.
//   eval "$(sh ../shared/tools/vscode-offline/setup.sh)"; npm run build
//   node scripts/uiScreenshots.cjs [--zh] [--theme "Default Light Modern"] [--width 1400] [--walkthrough | --find]
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const { ROOT_DIR, sleep, shooter, writeWorkspaceSettings, openVsCode, runCommand, textBox } = require('./vscodeSession.cjs');
const SHARED = path.resolve(ROOT_DIR, '..', 'shared');
const args = process.argv.slice(2);
const ZH = args.includes('--zh');
const THEME = args.includes('--theme') ? args[args.indexOf('--theme') + 1] : 'Default Dark Modern';
const WIDTH = args.includes('--width') ? Number(args[args.indexOf('--width') + 1]) : 1400;
/** Only the Get Started walkthrough, opened from the command palette. */
const WALKTHROUGH = args.includes('--walkthrough');
/** Only Find in Reports with a regular expression that backtracks for ever: the search running, then stopped at its limit. */
const FIND = args.includes('--find');
const NAME = `${WALKTHROUGH ? 'walkthrough-' : FIND ? 'find-' : ''}${THEME.replace(/^Default /, '').replace(/\W+/g, '-').toLowerCase()}-${ZH ? 'zh' : 'en'}`;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-shots-'));
const WS = path.join(WORK, 'ws');
const SHOTS = path.join(ROOT_DIR, 'test-results', 'screenshots', NAME);
const L = ZH ? { view: '报告', sections: '章节', tags: '标签', note: '编辑备注…', save: '保存备注' } : { view: 'Report', sections: 'Sections', tags: 'Tags', note: 'Edit Note…', save: 'Save Note' };
const shot = shooter(SHOTS);

function setup() {
  fs.mkdirSync(WS, { recursive: true });
  for (const f of fs.readdirSync(path.join(SHARED, 'corpus'))) if (f.endsWith('.txt')) fs.copyFileSync(path.join(SHARED, 'corpus', f), path.join(WS, f));
  writeWorkspaceSettings(WS, THEME);
}

async function gotoLine(page, line) {
  await page.keyboard.press('Control+G'); await sleep(300);
  await page.keyboard.type(String(line)); await page.keyboard.press('Enter'); await sleep(600);
}

(async () => {
  setup();
  const session = await openVsCode({ work: WORK, folder: WS, zh: ZH, width: WIDTH });
  const { page } = session;
  try {
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
    if (FIND) {
      await runCommand(page, ZH ? '在报告中检索' : 'Find in Reports');
      // (The palette's box becomes the command's: typed at once, the first characters went to the palette.)
      await sleep(1500);
      await page.fill('.quick-input-widget input', '/([一-龥]+)+Q/');
      await sleep(300);
      await page.keyboard.press('Enter'); await sleep(3000);
      await shot(page, 'find-running');
      // The search's time limit is 30 s.
      const stopped = Date.now();
      while (Date.now() - stopped < 40_000 && !(await page.$('.notifications-toasts .notification-toast'))) await sleep(250);
      await sleep(800);
      await shot(page, 'find-stopped');
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
      await page.locator('.context-view .action-label', { hasText: L.note }).first().click();
      // When the keyboard is in the box's text, not only in the thread (keys typed into the thread go to the report).
      const opened = Date.now();
      const inBox = () => page.evaluate(() => !!document.activeElement?.closest('.review-widget .comment-form .monaco-editor, .review-widget .edit-container .monaco-editor'));
      while (!(await inBox()) && Date.now() - opened < 5000) await sleep(100);
      console.log((await inBox()) ? `the note box took the keyboard ${Date.now() - opened} ms after Edit Note` : 'the note box did not take the keyboard within 5 s');
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
    await session.close();
  }
})();
