#!/usr/bin/env node
// Screenshots of the coding workbench in a real VS Code (the offline server and web workbench, headless
// Chromium, as scripts/uiScreenshots.cjs): the corpus with tags in sidecars and a codebook (a hierarchy, a
// memo, a tag not in the codebook); the Tags view expanded, the tag matrix by report, by year and as
// co-occurrence, and a codebook with a missing parent (the problem in the view and on the file). One PNG
// per step under test-results/screenshots/coding-<theme>-<lang>/.
//   eval "$(cat /tmp/vsenv.sh)"; node scripts/build.mjs --tests
//   node scripts/codingScreenshots.cjs [--zh] [--theme "Default Light Modern"] [--width 1400]
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const { ROOT_DIR, sleep, shooter, writeWorkspaceSettings, openVsCode, runCommand } = require('./vscodeSession.cjs');
const SHARED = path.resolve(ROOT_DIR, '..', 'shared');
// The core as tsc compiles it (out/): sidecars written as the extension writes them.
const { serializeSidecar } = require(path.join(ROOT_DIR, 'out/src/core/sidecar'));
const { makeTarget } = require(path.join(ROOT_DIR, 'out/src/core/anchoring'));
const args = process.argv.slice(2);
const ZH = args.includes('--zh');
const THEME = args.includes('--theme') ? args[args.indexOf('--theme') + 1] : 'Default Dark Modern';
const WIDTH = args.includes('--width') ? Number(args[args.indexOf('--width') + 1]) : 1400;
const NAME = `coding-${THEME.replace(/^Default /, '').replace(/\W+/g, '-').toLowerCase()}-${ZH ? 'zh' : 'en'}`;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-coding-shots-'));
const WS = path.join(WORK, 'ws');
const SHOTS = path.join(ROOT_DIR, 'test-results', 'screenshots', NAME);
const L = ZH
  ? { view: '报告', tags: '标签', matrix: '显示标签矩阵', year: '标签 × 年份', co: '共现' }
  : { view: 'Report', tags: 'Tags', matrix: 'Show Tag Matrix', year: 'Tag × year', co: 'Co-occurrence' };
const shot = shooter(SHOTS);

// Paragraphs (lines) with these words get these tags.
const RULES = [
  [/财政|预算|税/, ['财政']],
  [/就业|社会保障|养老|医疗/, ['民生']],
  [/教育|学校/, ['民生', '教育']],
  [/生态|环境|污染|绿色/, ['生态环境']],
  [/改革/, ['改革创新']],
  [/项目|工程/, ['项目建设']],
  [/招商|外资/, ['招商引资']],
  [/扶贫|脱贫/, ['脱贫攻坚']],
];

const CODEBOOK = {
  format: 'report-annotator.codebook',
  version: 1,
  tags: [
    { name: '经济', color: '#e8a33d', description: ZH ? '经济发展与财政' : 'the economy and public finance' },
    { name: '财政', color: '#d9534f', parent: '经济', description: ZH ? '收支、预算、税收' : 'revenue, budget, taxes' },
    { name: '招商引资', color: '#f0ad4e', parent: '经济' },
    { name: '项目建设', color: '#4f9be8', parent: '经济' },
    { name: '社会', color: '#5cb85c' },
    { name: '民生', color: '#3fb950', parent: '社会', description: ZH ? '就业、社保、医疗' : 'jobs, social security, health' },
    { name: '教育', color: '#2aa198', parent: '社会' },
    { name: '生态环境', color: '#26a269' },
    { name: '改革创新', color: '#9b6ad6' },
  ],
  memos: [
    { tag: '财政', text: ZH ? '只标注有具体数字的段落。' : 'Only paragraphs with figures.' },
    { report: 'national-2014.txt', text: ZH ? '对照2016年报告阅读。' : 'Read with the 2016 report.' },
  ],
};

function setup() {
  fs.mkdirSync(WS, { recursive: true });
  const now = '2026-11-30T08:00:00.000Z';
  for (const f of fs.readdirSync(path.join(SHARED, 'corpus'))) {
    if (!f.endsWith('.txt')) continue;
    const text = fs.readFileSync(path.join(SHARED, 'corpus', f), 'utf8');
    fs.writeFileSync(path.join(WS, f), text);
    const annotations = [];
    let at = 0;
    for (const line of text.split('\n')) {
      const start = at;
      at += line.length + 1;
      const body = line.trim();
      if (body.length < 30) continue;
      const tags = [...new Set(RULES.filter(([re]) => re.test(body)).flatMap(([, t]) => t))].slice(0, 3);
      if (tags.length === 0 || annotations.length > 60) continue;
      const lead = line.length - line.trimStart().length;
      annotations.push({ id: `${f}-${annotations.length}`, tags, target: makeTarget(text, start + lead, start + lead + body.length), created: now, modified: now });
    }
    // One tag the codebook does not list, to be adopted.
    if (annotations[2]) annotations[2].tags.push('脱贫攻坚');
    fs.writeFileSync(path.join(WS, `${f}.annotations.json`), serializeSidecar(text, annotations));
  }
  fs.writeFileSync(path.join(WS, 'report-annotator.codebook.json'), `${JSON.stringify(CODEBOOK, null, 2)}\n`);
  writeWorkspaceSettings(WS, THEME);
}

async function expand(page, label) {
  await page.click(`.part.sidebar .monaco-list-row[aria-label^="${label}"] .monaco-tl-twistie.collapsible.collapsed`, { timeout: 3000 }).catch(() => console.log('not expanded:', label));
  await sleep(300);
}

/** The webview frame of the matrix (the inner iframe that holds #toolbar). */
async function matrixFrame(page) {
  for (let i = 0; i < 100; i++) {
    for (const f of page.frames()) if (await f.$('#toolbar button').catch(() => null)) return f;
    await sleep(100);
  }
  return undefined;
}

(async () => {
  setup();
  const session = await openVsCode({ work: WORK, folder: WS, zh: ZH, width: WIDTH });
  const { page } = session;
  try {
    // A report open, then the Report Annotator container: the Report view and the Tags view.
    await page.click('.explorer-folders-view .monaco-list-row[aria-label^="national-2014.txt"]');
    await page.waitForSelector('.monaco-editor .view-lines');
    await page.click(`.activitybar .action-item a[aria-label="${L.view}"], .activitybar .action-item[aria-label="${L.view}"]`);
    await sleep(2500);
    // Every other view of the container folded away, so the Tags view has the height.
    const headers = await page.$$('.part.sidebar .pane-header[aria-expanded="true"]');
    for (const h of headers) {
      const title = await h.$eval('h3.title', (e) => e.textContent.trim()).catch(() => '');
      if (title !== L.tags) await h.click().catch(() => {});
      await sleep(200);
    }
    await sleep(800);
    for (const label of ['经济', '财政']) await expand(page, label);
    await sleep(500);
    await shot(page, 'tags-view');
    // A tag's reports and paragraphs.
    await expand(page, '社会');
    await expand(page, '民生');
    await expand(page, 'national-2014.txt');
    await sleep(500);
    await shot(page, 'tags-view-paragraphs');
    // The matrix by report, by year, and the co-occurrence.
    await runCommand(page, L.matrix);
    const frame = await matrixFrame(page);
    if (!frame) throw new Error('no matrix webview');
    await sleep(1200);
    await shot(page, 'matrix-report');
    await frame.click(`#toolbar button:has-text("${L.year}")`);
    await sleep(800);
    await shot(page, 'matrix-year');
    await frame.click(`#toolbar button:has-text("${L.co}")`);
    await sleep(800);
    // Sorted by the first column (click its header twice: most first).
    await frame.click('thead th:nth-child(2)');
    await sleep(400);
    await shot(page, 'matrix-cooccurrence-sorted');
    // A codebook with a parent that does not exist: a problem in the view and on the file.
    const bad = JSON.parse(JSON.stringify(CODEBOOK));
    bad.tags.push({ name: '预算', color: '#123456', parent: '金融' });
    fs.writeFileSync(path.join(WS, 'report-annotator.codebook.json'), `${JSON.stringify(bad, null, 2)}\n`);
    await sleep(2500);
    await page.click('.explorer-folders-view .monaco-list-row[aria-label^="report-annotator.codebook.json"]').catch(async () => {
      await page.keyboard.press('Control+P'); await sleep(300);
      await page.keyboard.type('report-annotator.codebook.json', { delay: 10 }); await sleep(600); await page.keyboard.press('Enter');
    });
    await sleep(1500);
    // The problem at its entry (Go to Next Problem).
    await page.click('.editor-group-container .monaco-editor .view-lines').catch(() => {});
    await page.keyboard.press('F8');
    await sleep(1200);
    await shot(page, 'codebook-problem');
  } catch (err) {
    console.error('screenshots stopped:', err);
    process.exitCode = 1;
  } finally {
    await session.close();
  }
})();
