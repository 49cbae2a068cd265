// Full analysis (structure, figures, projects) on the corpus: segmenter load time on its own, throughput
// after load, and what the per-paragraph cache saves when one paragraph of a large report is edited.
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { AnalysisCache, analyzeText } from '../src/core/analyze';
import { loadJiebaSegmenter } from '../src/core/segmenter';
import { CORPUS_DIR, corpusText } from '../test/unit/corpus';

const MB = 1024 * 1024;

/** The corpus reports, repeated until the text holds at least `bytes` of UTF-8. */
function corpusOf(bytes: number): string {
  const reports = readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map(corpusText);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    for (const r of reports) {
      parts.push(r);
      size += Buffer.byteLength(r) + 1;
    }
  }
  return parts.join('\n');
}

/** Median wall time of `runs` calls, in ms. */
function time(runs: number, fn: () => void): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[runs >> 1];
}

export async function runAnalysisBench(): Promise<void> {
  const t0 = performance.now();
  const segmenter = loadJiebaSegmenter();
  console.log(`analysis: segmenter load ${(performance.now() - t0).toFixed(0)} ms (once per process)`);

  const text = corpusOf(MB);
  const bytes = Buffer.byteLength(text);
  analyzeText(text, { segmenter }); // warm-up
  const full = time(3, () => analyzeText(text, { segmenter }));
  const analysis = analyzeText(text, { segmenter });
  console.log(
    `analysis: ${(bytes / MB).toFixed(2)} MB in ${full.toFixed(0)} ms = ${(bytes / MB / (full / 1000)).toFixed(2)} MB/s ` +
      `(${analysis.sections.length} sections, ${analysis.paragraphs.length} paragraphs, ` +
      `${analysis.figures.length} figures, ${analysis.projects.length} projects)`,
  );

  // One paragraph in the middle edited: with the cache only that paragraph is segmented again.
  const p = analysis.paragraphs[analysis.paragraphs.length >> 1];
  const cut = (p.range.start + p.range.end) >> 1;
  const edited = (n: number) => text.slice(0, cut) + `新增内容${n}` + text.slice(cut);
  const cache = new AnalysisCache();
  analyzeText(text, { segmenter, cache });
  let n = 0;
  const incremental = time(5, () => analyzeText(edited(++n), { segmenter, cache }));
  const cold = time(3, () => analyzeText(edited(++n), { segmenter }));
  console.log(
    `analysis: one paragraph edited: ${incremental.toFixed(1)} ms with the cache vs ${cold.toFixed(0)} ms cold ` +
      `= ${(cold / incremental).toFixed(1)}× faster`,
  );
}
