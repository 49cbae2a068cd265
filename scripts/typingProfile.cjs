#!/usr/bin/env node
// What typing in a large report costs the window (the renderer), against the same text as a .log: a real VS Code
// (vscodeSession.cjs: the offline server and web workbench in headless Chromium), 30 keys typed 15 ms apart in the
// middle of a 5 MB text, with a CPU profile of the window from the first key to 3 s after the last. Rounds alternate
// .log and report in one session. Prints per round the window's busy time (profile samples not idle), when the last
// key showed, the long tasks; then the medians, their ratio, and the functions whose self time differs most.
// The integration test "typing in a 5 MB report" measures the extension host; this measures the other side.
//   eval "$(sh ../shared/tools/vscode-offline/setup.sh)"; npm run build
//   node scripts/typingProfile.cjs [--rounds 3] [--settings '{"reportAnnotator.highlightFigures":false}'] [--out dir]
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { parseArgs } = require('node:util');
const { ROOT_DIR, sleep, writeWorkspaceSettings, openVsCode, runCommand } = require('./vscodeSession.cjs');

const { values: opts } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, settings: { type: 'string', default: '{}' }, out: { type: 'string', default: path.join(ROOT_DIR, 'test-results', 'typing-profile') } },
});
const ROUNDS = Number(opts.rounds);
const SHARED = path.resolve(ROOT_DIR, '..', 'shared');
const TYPED = '逐字键入三十个字符测试宿主代码由冷变热再看窗口耗时多少为止';
const KEY_GAP_MS = 15;
const SIZE = 5 * 1048576;

/** The six corpus texts and the national reports, repeated to 5 MB (like the integration test's large report, which takes them from its workspace). */
function largeText() {
  const texts = ['corpus', 'corpus-national'].flatMap((d) =>
    fs.readdirSync(path.join(SHARED, d)).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(SHARED, d, f), 'utf8').trimEnd()),
  );
  const parts = [];
  for (let i = 0, bytes = 0; bytes < SIZE; i++) {
    parts.push(texts[i % texts.length]);
    bytes += Buffer.byteLength(texts[i % texts.length]) + 2;
  }
  return `${parts.join('\n\n')}\n`;
}

/** Busy time (samples that are not idle) and self time by function, in ms. */
function readProfile(profile) {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map();
  let busy = 0;
  profile.samples.forEach((id, k) => {
    const ms = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    const f = frames.get(id);
    if (f.functionName === '(idle)') return;
    busy += ms;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? `${path.basename(f.url)}:${f.lineNumber}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  return { busy, self };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Opens `name`, puts the cursor at the end of line `line`, types, profiles; the editor is reverted and closed after. */
async function typeIn(page, cdp, name, line) {
  await page.keyboard.press('Control+P');
  await sleep(500);
  await page.keyboard.type(name, { delay: 20 });
  await sleep(800);
  await page.keyboard.press('Enter');
  await sleep(25_000); // opened, coloured, analysed and settled
  await page.keyboard.press('Control+1'); // the editor has the keyboard
  await page.keyboard.press('Control+G');
  await sleep(400);
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await sleep(800);
  await page.keyboard.press('End');
  await sleep(3000);
  await page.evaluate(() => {
    window.__longTasks = [];
    window.__observer = new PerformanceObserver((l) => window.__longTasks.push(...l.getEntries().map((e) => e.duration)));
    window.__observer.observe({ entryTypes: ['longtask'] });
  });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.keyboard.type(TYPED, { delay: KEY_GAP_MS });
  const tail = TYPED.slice(-4);
  const shown = await page
    .waitForFunction((s) => [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => l.textContent.includes(s)), tail, { timeout: 20_000 })
    .then(() => Date.now() - t0, () => NaN);
  await sleep(3000);
  const { profile } = await cdp.send('Profiler.stop');
  const longTasks = await page.evaluate(() => (window.__observer.disconnect(), window.__longTasks));
  await runCommand(page, 'View: Revert and Close Editor');
  await sleep(3000);
  return { profile, shown, longTasks };
}

(async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-typing-'));
  const folder = path.join(work, 'ws');
  fs.mkdirSync(folder, { recursive: true });
  fs.mkdirSync(opts.out, { recursive: true });
  writeWorkspaceSettings(folder, 'Default Dark Modern');
  const settingsFile = path.join(folder, '.vscode', 'settings.json');
  fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, 'utf8')), ...JSON.parse(opts.settings) }));
  const text = largeText();
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (lines[line].length < 80) line++; // a paragraph's line
  // A warm-up .log first (the first editor of a session costs more), then .log and report in turn.
  const files = ['log', ...Array.from({ length: ROUNDS }, () => ['log', 'txt']).flat()].map((ext, i) => `large${i}.${ext}`);
  for (const f of files) fs.writeFileSync(path.join(folder, f), text);
  const session = await openVsCode({ work, folder });
  const results = { log: [], txt: [] };
  try {
    const cdp = await session.page.context().newCDPSession(session.page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    for (const [i, name] of files.entries()) {
      const { profile, shown, longTasks } = await typeIn(session.page, cdp, name, line + 1);
      if (i === 0) continue;
      fs.writeFileSync(path.join(opts.out, `${name}.cpuprofile`), JSON.stringify(profile));
      const { busy, self } = readProfile(profile);
      const kind = name.endsWith('.log') ? 'log' : 'txt';
      results[kind].push({ busy, shown, self });
      const longest = Math.max(0, ...longTasks);
      console.log(`${name}: window busy ${busy.toFixed(0)} ms; last key shown ${shown} ms after the first; ${longTasks.length} long tasks, longest ${longest.toFixed(0)} ms`);
    }
  } finally {
    await session.close();
  }
  const busy = (kind) => median(results[kind].map((r) => r.busy));
  const shown = (kind) => median(results[kind].map((r) => r.shown));
  console.log(
    `median of ${ROUNDS}: window busy ${busy('txt').toFixed(0)} ms in the report vs ${busy('log').toFixed(0)} ms in the .log = ${(busy('txt') / busy('log')).toFixed(2)}×; ` +
      `last key shown after ${shown('txt')} vs ${shown('log')} ms (30 keys typed ${KEY_GAP_MS} ms apart; settings ${opts.settings})`,
  );
  // Self time per round, report minus .log: where the difference is.
  const perRound = (kind) => {
    const sum = new Map();
    for (const r of results[kind]) for (const [k, ms] of r.self) sum.set(k, (sum.get(k) ?? 0) + ms / results[kind].length);
    return sum;
  };
  const [txt, log] = [perRound('txt'), perRound('log')];
  const diff = [...new Set([...txt.keys(), ...log.keys()])].map((k) => [k, (txt.get(k) ?? 0) - (log.get(k) ?? 0)]).sort((a, b) => b[1] - a[1]);
  console.log('self time per round, report minus .log (ms):');
  for (const [k, d] of diff.slice(0, 10)) console.log(`  ${d.toFixed(1).padStart(7)}  ${k} (${(txt.get(k) ?? 0).toFixed(1)} vs ${(log.get(k) ?? 0).toFixed(1)})`);
  console.log(`profiles in ${opts.out}`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
