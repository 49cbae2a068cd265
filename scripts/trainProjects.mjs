// npm run train:projects: trains the project-name model (src/core/projectModel.ts) on the tune documents of
// eval/manifest.json and writes data/projectModel.json. Never reads the test split.
//   node scripts/trainProjects.mjs [--cv K] [--no-write] [--diag] [--changes]
//     [--algo lr|perceptron] [--epochs N] [--l2 X] [--margin M] [--keep K] [--drop template,…]
// --cv K: leave-documents-out cross-validation over the tune documents first (K folds by document, round robin in
// manifest order), printing strict P/R/F1 of projects for the rules alone and for the model (the rules' figure is
// in-sample: they were written reading these documents). --diag: the rules' verdicts against the labels per
// facility word; --changes (with --cv): where the held-out model departs from the rules. The defaults are the
// choices made by 6- and 4-fold CV. Deterministic: the same labels and code give the same weights.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (k, d) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : d; };
const folds = Number(opt('--cv', 0));
const epochs = Number(opt('--epochs', 10));
// Margins chosen by cross-validation: a name the rules do not give needs `margin` more to be taken, one they give
// is kept unless it scores `keep` below zero.
const margin = Number(opt('--margin', 1));
const keep = Number(opt('--keep', 2));
// Feature templates left out (ablation), comma-separated: a feature's template is the feature without its values
// (s=路|lc=h → s=|lc=).
const dropped = new Set((opt('--drop', '') || '').split(',').filter(Boolean));
const kept = (f) => !dropped.has(f.replace(/=[^|]*/g, '='));
const SHARED = process.env.SHARED_DIR ?? join(root, '../shared');

const outfile = join(root, 'out/train/core.js');
await build({
  stdin: {
    contents: [
      "export { analyzeText } from './src/core/analyze';",
      "export { loadJiebaSegmenter } from './src/core/segmenter';",
      "export { findProjectNames } from './src/core/projects';",
      "export { setProjectModel, setCandidateRecorder } from './src/core/projectModel';",
    ].join('\n'),
    resolveDir: root, sourcefile: 'train-core.ts', loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'nodejieba'],
  logLevel: 'warning', absWorkingDir: root, outfile,
});
const require = createRequire(import.meta.url);
const core = require(outfile);
const segmenter = core.loadJiebaSegmenter();

/** Code point offset → UTF-16 offset, for one text. */
function utf16Of(text) {
  const map = [];
  let u = 0;
  for (const ch of text) { map.push(u); u += ch.length; }
  map.push(u);
  return (cp) => map[cp];
}
/** UTF-16 offset → code point offset. */
function cpOf(text) {
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) { map[i] = cp; const c = text.charCodeAt(i); if (!(c >= 0xdc00 && c <= 0xdfff && i > 0)) cp++; }
  map[text.length] = cp;
  return (u) => map[u];
}

const manifest = JSON.parse(readFileSync(join(root, 'eval/manifest.json'), 'utf8'));
core.setProjectModel(undefined);
const docs = manifest.tune.map((d) => {
  const labels = JSON.parse(readFileSync(join(root, 'eval/labels', `${d.name}.json`), 'utf8'));
  const text = readFileSync(join(SHARED, labels.source), 'utf8');
  const scored = labels.scored ?? (labels.projectsUnlabelled ? ['figures', 'sections'] : ['figures', 'sections', 'projects']);
  return { name: d.name, text, labels, scored: scored.includes('projects') };
}).filter((d) => d.scored);

/** Each facility word's candidates in a document's paragraphs, with the gold candidate's index (-1: none). */
function groupsOf(doc) {
  const u = utf16Of(doc.text);
  const gold = doc.labels.projects.map((g) => ({ start: u(g.start), end: u(g.end) }));
  const goldKeys = new Set(gold.map((g) => `${g.start}:${g.end}`));
  const a = core.analyzeText(doc.text, { segmenter });
  const groups = [];
  let offset = 0;
  core.setCandidateRecorder((_text, candidates, rule) => {
    if (candidates.length === 0) return;
    const at = (c) => ({ start: c.start + offset, end: c.end + offset });
    const goldIndex = candidates.findIndex((c) => goldKeys.has(`${at(c).start}:${at(c).end}`));
    // A candidate inside a longer gold name (产业园 of 大数据产业园一期工程) is neither right nor wrong: the longer name wins.
    const inside = goldIndex < 0 && candidates.some((c) => gold.some((g) => g.start <= at(c).start && at(c).end <= g.end));
    groups.push({ candidates: candidates.map((c) => c.features.filter(kept)), goldIndex, skip: inside, rule: rule.span !== undefined, ruleIndex: rule.span ? candidates.findIndex((c) => c.start === rule.span.start && c.end === rule.span.end) : -1, reason: rule.reason, names: candidates.map((c) => _text.slice(c.start, c.end)) });
  });
  for (const p of a.paragraphs) {
    offset = p.range.start;
    core.findProjectNames(doc.text.slice(p.range.start, p.range.end), segmenter);
  }
  core.setCandidateRecorder(undefined);
  return groups;
}

for (const d of docs) d.groups = groupsOf(d);

/** A seeded generator, for a deterministic order of training. */
function lcg(seed) { let x = seed >>> 0; return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32; }

const algo = opt('--algo', 'lr');
const l2 = Number(opt('--l2', 1e-4));

/** Feature names numbered as first seen: `index` (name → number) and `idx` (a name's number, made if new). */
function featureIndex() {
  const index = new Map();
  const idx = (f) => { let i = index.get(f); if (i === undefined) index.set(f, (i = index.size)); return i; };
  return { index, idx };
}

/** `order` shuffled in place by `rand` (Fisher–Yates): one epoch's order of training. */
function shuffle(order, rand) {
  for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
}

/** Calls `step` on every item of `data`, `epochs` times, in an order shuffled anew each epoch (the same seed for both trainers). */
function overEpochs(data, step) {
  const rand = lcg(7);
  const order = data.map((_, i) => i);
  for (let ep = 0; ep < epochs; ep++) {
    shuffle(order, rand);
    for (const k of order) step(data[k]);
  }
}

/** The best candidate above zero by `weightOf` (feature → weight), and its score; -1 for none. */
function bestCandidate(cands, weightOf) {
  let best = -1, bestScore = 0;
  cands.forEach((fs, j) => { let s = 0; for (const f of fs) s += weightOf(f); if (s > bestScore) { bestScore = s; best = j; } });
  return { best, bestScore };
}

/**
 * The weights file's weights: by feature name in code unit order, rounded to 1/1000, zeros left out; the margins
 * folded into the bias (a name the rules do not give needs `margin` more) and the rules' own start (kept unless
 * it scores `keep` below zero).
 */
function exportWeights(index, valueOf) {
  const weights = {};
  for (const [f, i] of [...index].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    const v = Math.round(valueOf(i) * 1000) / 1000;
    if (v !== 0) weights[f] = v;
  }
  weights.b = Math.round(((weights.b ?? 0) - margin) * 1000) / 1000;
  weights['r=same'] = Math.round(((weights['r=same'] ?? 0) + margin + keep) * 1000) / 1000;
  return { weights };
}

/** L2-regularised logistic regression over candidates (gold name positive, the others negative), Adagrad. */
function trainLogistic(groups) {
  const { index, idx } = featureIndex();
  const data = [];
  for (const g of groups) if (!g.skip) g.candidates.forEach((fs, j) => data.push({ fs: fs.map(idx), y: j === g.goldIndex ? 1 : 0 }));
  const w = new Float64Array(index.size), g2 = new Float64Array(index.size).fill(1e-8);
  overEpochs(data, ({ fs, y }) => {
    let z = 0; for (const f of fs) z += w[f];
    const grad = 1 / (1 + Math.exp(-z)) - y;
    for (const f of fs) { const gr = grad + l2 * w[f]; g2[f] += gr * gr; w[f] -= (0.2 * gr) / Math.sqrt(g2[f]); }
  });
  return exportWeights(index, (i) => w[i]);
}

/** Averaged structured perceptron: per group the best candidate above zero, else none. */
function train(groups) {
  if (algo === 'lr') return trainLogistic(groups);
  const { index, idx } = featureIndex();
  const data = groups.filter((g) => !g.skip).map((g) => ({ cands: g.candidates.map((fs) => fs.map(idx)), gold: g.goldIndex }));
  const n = index.size;
  const w = new Float64Array(n), acc = new Float64Array(n);
  let c = 1;
  overEpochs(data, ({ cands, gold }) => {
    const { best } = bestCandidate(cands, (f) => w[f]);
    if (best !== gold) {
      if (gold >= 0) for (const f of cands[gold]) { w[f] += 1; acc[f] += c; }
      if (best >= 0) for (const f of cands[best]) { w[f] -= 1; acc[f] -= c; }
    }
    c++;
  });
  return exportWeights(index, (i) => w[i] - acc[i] / c);
}

/** Strict and lenient projects scores of the analysis of `docs` (as eval/run.mjs counts them). */
function evaluate(list) {
  let gold = 0, pred = 0, strict = 0;
  for (const d of list) {
    const cp = cpOf(d.text);
    const a = core.analyzeText(d.text, { segmenter });
    const p = a.projects.flatMap((x) => x.occurrences.map((o) => ({ start: cp(o.start), end: cp(o.end) })));
    const used = new Set();
    for (const g of d.labels.projects) {
      const j = p.findIndex((q, k) => !used.has(k) && q.start === g.start && q.end === g.end);
      if (j >= 0) { used.add(j); strict++; }
    }
    gold += d.labels.projects.length; pred += p.length;
  }
  return { gold, pred, strict };
}
const fmt = ({ gold, pred, strict }) => {
  const P = strict / pred, R = strict / gold, F = (2 * P * R) / (P + R);
  return `gold ${gold} pred ${pred} strict P ${(100 * P).toFixed(1)} R ${(100 * R).toFixed(1)} F1 ${(100 * F).toFixed(1)}`;
};

const all = docs.flatMap((d) => d.groups);
const reach = all.filter((g) => g.goldIndex >= 0).length;
console.log(`${docs.length} documents, ${all.length} facility words, ${all.reduce((s, g) => s + g.candidates.length, 0)} candidates, ${reach} with the gold name among them`);

if (argv.includes('--diag')) {
  const tally = new Map();
  const add = (k, ex) => { const t = tally.get(k) ?? { n: 0, ex: [] }; t.n++; if (t.ex.length < 12) t.ex.push(ex); tally.set(k, t); };
  for (const g of all) {
    if (g.skip) continue;
    const name = (i) => (i >= 0 ? g.names[i] : '-');
    if (g.goldIndex >= 0 && g.ruleIndex === g.goldIndex) add('rule right', name(g.goldIndex));
    else if (g.goldIndex >= 0 && g.rule) add('rule wrong boundary', `${name(g.ruleIndex)} → ${name(g.goldIndex)}`);
    else if (g.goldIndex >= 0) add(`rule rejects gold: ${g.reason}`, name(g.goldIndex));
    else if (g.rule) add('rule name, gold none', name(g.ruleIndex));
  }
  const ftAll = new Map(), ftGold = new Map();
  for (const g of all) if (!g.skip) g.candidates.forEach((fs, j) => { const ft = fs.find((f) => f.startsWith('ft=')).split('|')[0]; ftAll.set(ft, (ftAll.get(ft) ?? 0) + 1); if (j === g.goldIndex) ftGold.set(ft, (ftGold.get(ft) ?? 0) + 1); });
  console.log([...ftAll].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}/${ftGold.get(k) ?? 0}`).join(', '));
  const byReason = new Map();
  for (const g of all) if (!g.skip) { const r = g.rule ? 'accepted' : g.reason; const t = byReason.get(r) ?? [0, 0, 0]; t[0]++; t[1] += g.goldIndex >= 0 ? 1 : 0; t[2] += g.candidates.length; byReason.set(r, t); }
  for (const [r, [n, gd, c]] of [...byReason].sort((a, b) => b[1][0] - a[1][0])) console.log(`${r}: ${n} groups, ${gd} with gold, ${c} candidates`);
  for (const [k, t] of [...tally].sort((a, b) => b[1].n - a[1].n)) console.log(`${String(t.n).padStart(5)} ${k}: ${t.ex.join(' | ')}`);
}

if (folds > 1) {
  const sum = (rs) => rs.reduce((s, r) => ({ gold: s.gold + r.gold, pred: s.pred + r.pred, strict: s.strict + r.strict }), { gold: 0, pred: 0, strict: 0 });
  const rules = [], learned = [];
  for (let k = 0; k < folds; k++) {
    const held = docs.filter((_, i) => i % folds === k);
    const rest = docs.filter((_, i) => i % folds !== k);
    core.setProjectModel(undefined);
    rules.push(evaluate(held));
    core.setProjectModel(train(rest.flatMap((d) => d.groups)));
    learned.push(evaluate(held));
    if (argv.includes('--changes')) {
      const weights = new Map(Object.entries(train(rest.flatMap((d) => d.groups)).weights));
      for (const g of held.flatMap((d) => d.groups)) {
        if (g.skip) continue;
        const { best, bestScore: bs } = bestCandidate(g.candidates, (f) => weights.get(f) ?? 0);
        if (best === g.ruleIndex && (g.rule || best < 0)) continue;
        const nm = (i) => (i >= 0 ? g.names[i] : '-');
        console.log(`  change ${best === g.goldIndex ? 'FIX ' : g.ruleIndex === g.goldIndex ? 'BREAK' : 'other'} rule ${nm(g.ruleIndex)} → model ${nm(best)} (gold ${nm(g.goldIndex)}) ${bs.toFixed(1)} [${g.reason}]`);
      }
    }
    console.log(`fold ${k + 1}/${folds} (${held.map((d) => d.name).join(' ')}): rules ${fmt(rules[k])} | model ${fmt(learned[k])}`);
  }
  console.log(`CV ${folds} folds: rules ${fmt(sum(rules))}`);
  console.log(`CV ${folds} folds: model ${fmt(sum(learned))}`);
}

const model = train(all);
core.setProjectModel(model);
console.log(`trained on all tune documents: ${Object.keys(model.weights).length} features; tune ${fmt(evaluate(docs))}`);
if (!argv.includes('--no-write')) {
  const file = join(root, 'data/projectModel.json');
  writeFileSync(file, JSON.stringify({ note: 'Generated by scripts/trainProjects.mjs from the tune labels; do not edit by hand.', epochs, weights: model.weights }) + '\n');
  console.log(`wrote ${file}`);
}
