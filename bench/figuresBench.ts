// Throughput of extractFigures on the sample reports, against Microsoft Recognizers-Text (Chinese culture)
// as the baseline. Both are fed paragraph by paragraph, as analyzeText does (the baseline slows down more than
// linearly on long texts). The baseline is orders of magnitude slower, so it runs on a slice, reported per MB.
import * as Recognizers from '@microsoft/recognizers-text-suite';
import { readdirSync } from 'node:fs';
import { extractFigures } from '../src/core/figures';
import { CORPUS_DIR, corpusText } from '../test/unit/corpus';
import { mbPerSecond, median } from './measure';

const TARGET_BYTES = 2 * 1024 * 1024;
const RUNS = 25;
const WARM_UP_RUNS = 10;
const BASELINE_SLICE_CHARS = 30_000;

/** Paragraphs, as analyzeText hands them to extractFigures. */
function paragraphsOf(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim());
}

/** The three recognizers that find quantities with units; recognizeNumber alone would find bare numbers. */
function baselineFigures(text: string): number {
  const culture = Recognizers.Culture.Chinese;
  return (
    Recognizers.recognizeCurrency(text, culture).length +
    Recognizers.recognizePercentage(text, culture).length +
    Recognizers.recognizeDimension(text, culture).length
  );
}

const BARE = /[0-9０-９一二两三四五六七八九十百千万亿]+[^\s，。；]{0,3}/g;

/**
 * The limit every stage is measured against: one plain regex pass over the paragraphs (numbers and the characters
 * after them), which any figure extractor has to do at least. Returns the number of matches.
 */
export function bareRegexPass(paragraphs: readonly string[]): number {
  let hits = 0;
  for (const p of paragraphs) hits += p.match(BARE)?.length ?? 0;
  return hits;
}

export async function runFiguresBench(): Promise<void> {
  const corpus = readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => corpusText(name))
    .join('\n');
  let text = corpus;
  while (Buffer.byteLength(text, 'utf8') < TARGET_BYTES) text += '\n' + corpus;
  const bytes = Buffer.byteLength(text, 'utf8');
  const paragraphs = paragraphsOf(text);

  let figures = 0;
  // Warm-up until the JIT has compiled the hot paths (one pass is not enough: the first runs vary by 30%).
  for (let run = 0; run < WARM_UP_RUNS; run++) for (const p of paragraphs) figures += extractFigures(p).length;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    figures = 0;
    for (const p of paragraphs) figures += extractFigures(p).length;
    times.push(performance.now() - start);
  }
  const oursMs = median(times);
  const ours = mbPerSecond(bytes, oursMs);
  // The limit to measure against, in the same run: the bare regex pass over the same paragraphs.
  const bareTimes: number[] = [];
  let bareHits = 0;
  for (let run = 0; run < WARM_UP_RUNS; run++) bareHits = bareRegexPass(paragraphs);
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    bareHits = bareRegexPass(paragraphs);
    bareTimes.push(performance.now() - start);
  }
  const regex = mbPerSecond(bytes, median(bareTimes));
  console.log(`figures: bare regex pass ${regex.toFixed(1)} MB/s (${bareHits} matches): the baseline of the ratios below`);
  console.log(
    `figures: extractFigures ${ours.toFixed(1)} MB/s = ${(ours / regex).toFixed(2)} × the regex pass (median of ${RUNS} runs over ${(bytes / 1048576).toFixed(2)} MB, ` +
      `${oursMs.toFixed(0)} ms), ${figures} figures`,
  );

  // Baseline on a slice cut at a paragraph boundary; warmed up on a short text first (it builds its regexes lazily).
  const sliceEnd = corpus.indexOf('\n', BASELINE_SLICE_CHARS);
  const slice = corpus.slice(0, sliceEnd < 0 ? corpus.length : sliceEnd);
  const sliceBytes = Buffer.byteLength(slice, 'utf8');
  baselineFigures('收入完成51593万元，增长34.2%，道路20公里');
  const baseStart = performance.now();
  const baseFound = paragraphsOf(slice).reduce((n, p) => n + baselineFigures(p), 0);
  const baseMs = performance.now() - baseStart;
  const base = mbPerSecond(sliceBytes, baseMs);
  const oursOnSlice = paragraphsOf(slice).reduce((n, p) => n + extractFigures(p).length, 0);
  console.log(
    `figures: recognizers-text (zh-cn currency+percentage+dimension) ${base.toFixed(3)} MB/s ` +
      `(${(sliceBytes / 1024).toFixed(1)} KB slice, ${baseMs.toFixed(0)} ms), ${baseFound} results; ours on the same slice: ${oursOnSlice} figures`,
  );
  console.log(`figures: ours/baseline = ${(ours / base).toFixed(0)}×`);
}
