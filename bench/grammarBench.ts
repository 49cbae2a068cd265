// The TextMate grammar with vscode-textmate and vscode-oniguruma, the engine VS Code colours a report with: the
// grammar VS Code loads (dist/, its rules merged by scripts/mergeGrammar.mjs) against the grammar as written
// (syntaxes/), in one run. VS Code tokenizes a whole report in the background when it opens it and a line again at
// each keystroke in it, on the window's side: time the window does not have for drawing and typing.
import type { IGrammar, StateStack } from 'vscode-textmate';
import { folderReports } from '../test/unit/corpus';
import { GRAMMAR_PATH, loadGrammar, SOURCE_GRAMMAR_PATH } from '../test/unit/grammarHelper';
import { median } from './measure';

const RUNS = 5;

export async function runGrammarBench(): Promise<void> {
  // The six texts and the fifteen provinces' 2026 reports (long paragraphs, one line each).
  const lines = folderReports('corpus', 'corpus-provinces-2026').flatMap((t) => t.split(/\r?\n/));
  const chars = lines.reduce((n, l) => n + l.length, 0);
  const longest = lines.reduce((a, l) => (l.length > a.length ? l : a), '');
  const [merged, written] = await Promise.all([loadGrammar(GRAMMAR_PATH), loadGrammar(SOURCE_GRAMMAR_PATH)]);
  const whole = (g: IGrammar) => {
    let state: StateStack | null = null;
    const t = performance.now();
    for (const line of lines) state = g.tokenizeLine(line, state).ruleStack;
    return performance.now() - t;
  };
  const oneLine = (g: IGrammar) => {
    const t = performance.now();
    for (let i = 0; i < 10; i++) g.tokenizeLine(longest, null);
    return (performance.now() - t) / 10;
  };
  // (Interleaved, after a warm-up pass of each: the host's load falls on both alike.)
  whole(merged);
  whole(written);
  const times = { merged: [] as number[], written: [] as number[], lineMerged: [] as number[], lineWritten: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    times.merged.push(whole(merged));
    times.written.push(whole(written));
    times.lineMerged.push(oneLine(merged));
    times.lineWritten.push(oneLine(written));
  }
  const [m, w] = [median(times.merged), median(times.written)];
  const rate = (ms: number) => chars / ms / 1000; // millions of characters a second
  // A report of 5 MB in UTF-8 holds about 1.75 M characters (three bytes each, most of them).
  const fiveMb = (ms: number) => ((1.75e6 / (rate(ms) * 1e6)) * 1000).toFixed(0);
  console.log(
    `grammar: ${lines.length} lines, ${(chars / 1e6).toFixed(2)} M characters tokenized in ${m.toFixed(0)} ms = ${rate(m).toFixed(2)} M characters/s ` +
      `vs ${w.toFixed(0)} ms = ${rate(w).toFixed(2)} M characters/s with the rules as written (until the twenty-fifth round) = ${(w / m).toFixed(1)}× faster; ` +
      `a 5 MB report in about ${fiveMb(m)} ms vs ${fiveMb(w)} ms (median of ${RUNS}, interleaved)`,
  );
  console.log(
    `grammar: the longest line (${longest.length} characters), tokenized again as at each keystroke in it: ${median(times.lineMerged).toFixed(2)} ms vs ${median(times.lineWritten).toFixed(2)} ms as written`,
  );
}
