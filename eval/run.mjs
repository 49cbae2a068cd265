// npm run eval: measures the analysis (src/core/analyze.ts analyzeText with the nodejieba segmenter) against
// the hand labels in eval/labels/, per document and per split (tune / test) of eval/manifest.json.
// Figures are scored only inside each document's labelled scope; sections and projects over the whole text.
// A document whose labels carry `scored` (draft line `only projects`) counts in those categories only.
// strict: exact span (figures: also kind and value; sections: also level); lenient: spans overlap.
// A measurement only: no thresholds, exit code 0.
//   node eval/run.mjs [--split tune|test] [--errors] [--doc NAME]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const require = createRequire(import.meta.url);
const { analyzeText, loadJiebaSegmenter } = require(join(root, 'out/eval/core.js'));
const SHARED = process.env.SHARED_DIR ?? join(root, '../shared');

const argv = process.argv.slice(2);
const opt = (k) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : undefined; };
const showErrors = argv.includes('--errors');
const onlySplit = opt('--split');
const onlyDoc = opt('--doc');

const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
const segmenter = loadJiebaSegmenter();

/** UTF-16 offset → code point offset, for one text. */
function codePointMapper(text) {
  const lows = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { lows.push(i + 1); i++; }
    }
  }
  return (u) => { let lo = 0, hi = lows.length; while (lo < hi) { const m = (lo + hi) >> 1; if (lows[m] < u) lo = m + 1; else hi = m; } return u - lo; };
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/** One-to-one matching, exact pairs first; returns the number of matched pairs and the unmatched items. */
function match(gold, pred, same) {
  const used = new Set();
  const unmatchedGold = [];
  let n = 0;
  for (const g of gold) {
    const j = pred.findIndex((p, k) => !used.has(k) && same(g, p));
    if (j >= 0) { used.add(j); n++; } else unmatchedGold.push(g);
  }
  return { n, missed: unmatchedGold, spurious: pred.filter((_, k) => !used.has(k)) };
}

function score(gold, pred, strictSame) {
  // Lenient: prefer exact matches so that an exact pair is not broken by an overlapping neighbour.
  const strict = match(gold, pred, strictSame);
  const lenient = match(gold, pred, (g, p) => overlaps(g, p));
  return { gold: gold.length, pred: pred.length, strict, lenient };
}

const sameSpan = (g, p) => g.start === p.start && g.end === p.end;
// value is the number as written; for compound Chinese numerals (二亿八千六百七十七万) where "as written" is
// ambiguous the label also gives baseValue, and either agreeing counts.
const near = (a, b) => a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
const sameFigure = (g, p) => sameSpan(g, p) && g.kind === p.kind && (near(g.value, p.value) || near(g.baseValue, p.baseValue));
const sameSection = (g, p) => sameSpan(g, p) && g.level === p.level;

function evaluate(doc) {
  const labels = JSON.parse(readFileSync(join(here, 'labels', `${doc.name}.json`), 'utf8'));
  const buf = readFileSync(join(SHARED, labels.source));
  const sha = createHash('sha256').update(buf).digest('hex');
  if (sha !== labels.sha256) console.warn(`warning: ${labels.source} changed since it was labelled (sha256 differs)`);
  const text = buf.toString('utf8');
  const cp = codePointMapper(text);
  const cps = [...text];
  const a = analyzeText(text, { segmenter });
  const scope = labels.scope ?? { start: 0, end: 0 };
  const figures = a.figures
    .map((f) => ({ start: cp(f.range.start), end: cp(f.range.end), text: f.text, kind: f.kind, value: f.value, baseValue: f.baseValue }))
    .filter((f) => f.start >= scope.start && f.start < scope.end);
  const sections = a.sections.map((s) => ({ level: s.level, start: cp(s.heading.start), end: cp(s.heading.end), text: s.title }));
  const projects = a.projects.flatMap((p) =>
    p.occurrences.map((o) => ({ start: cp(o.start), end: cp(o.end), text: cps.slice(cp(o.start), cp(o.end)).join(''), project: p.name })),
  );
  const scored = labels.scored ?? (labels.projectsUnlabelled ? ['figures', 'sections'] : CATS);
  const r = { name: doc.name, scored };
  if (scored.includes('figures')) r.figures = score(labels.figures, figures, sameFigure);
  if (scored.includes('sections')) r.sections = score(labels.sections, sections, sameSection);
  if (scored.includes('projects')) r.projects = score(labels.projects, projects, sameSpan);
  return r;
}

const pct = (x) => (Number.isFinite(x) ? (100 * x).toFixed(1).padStart(5) : '    -');
function prf(n, gold, pred) {
  const p = pred ? n / pred : NaN, r = gold ? n / gold : NaN;
  const f = p + r > 0 ? (2 * p * r) / (p + r) : (gold || pred ? 0 : NaN);
  return `${pct(p)} ${pct(r)} ${pct(f)}`;
}
const CATS = ['figures', 'sections', 'projects'];
const header = `${'document'.padEnd(26)} ${'category'.padEnd(9)} ${'gold'.padStart(5)} ${'pred'.padStart(5)} |  strict P     R    F1 | lenient P     R    F1`;
function row(name, cat, s) {
  return `${name.padEnd(26)} ${cat.padEnd(9)} ${String(s.gold).padStart(5)} ${String(s.pred).padStart(5)} |      ${prf(s.strict.n, s.gold, s.pred)} |       ${prf(s.lenient.n, s.gold, s.pred)}`;
}

for (const split of ['tune', 'test']) {
  if (onlySplit && split !== onlySplit) continue;
  const docs = manifest[split].filter((d) => !onlyDoc || d.name === onlyDoc);
  if (!docs.length) continue;
  console.log(`\n== ${split} (${docs.length} documents)`);
  console.log(header);
  const total = Object.fromEntries(CATS.map((c) => [c, { gold: 0, pred: 0, strict: { n: 0 }, lenient: { n: 0 } }]));
  for (const doc of docs) {
    const r = evaluate(doc);
    for (const c of r.scored) {
      console.log(row(r.name, c, r[c]));
      total[c].gold += r[c].gold; total[c].pred += r[c].pred;
      total[c].strict.n += r[c].strict.n; total[c].lenient.n += r[c].lenient.n;
      if (showErrors) {
        const fmt = (x) => `${x.start}-${x.end} ${x.text}${x.kind ? ` ${x.kind} ${x.value}` : ''}${x.level !== undefined ? ` L${x.level}` : ''}`;
        for (const g of r[c].strict.missed) console.log(`    ${c} missed (strict): ${fmt(g)}`);
        for (const p of r[c].strict.spurious) console.log(`    ${c} spurious (strict): ${fmt(p)}`);
      }
    }
  }
  console.log('-'.repeat(header.length));
  for (const c of CATS) console.log(row(`ALL ${split}`, c, total[c]));
}
