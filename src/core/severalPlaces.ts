// Typing with several cursors: edits at several places between two analyses. Each is answered as analyzeEdit answers
// one, from its paragraph, the last first (so the offsets of those before it stay as the editor gave them), and its
// patch is applied to the analysis before the next is worked out; the host applies the same patches in the same
// order. Reading the whole text instead took 0.1–0.2 s for 5 MB. The text between two steps is read through the edits
// made so far (EditedText), not as a string made by slicing and joining: V8 copies such a string whole at its first
// slice (11–30 ms for 5 MB here), once for each place.
import type { AnalysisCache, AnalyzeOptions } from './analyze';
import { analyzeEdit, type Analysed } from './analyzeEdit';
import type { AnalysisPatch } from './analysisPatch';
import { patchOwnAnalysis } from './analysisPatchInPlace';
import { EditedText, type EditWithText, type TextReader } from './textEdits';
import type { DocumentAnalysis } from './types';

/** What analyzeEditsInTurn made: the patches in order, and the analysis and text they lead to; why it stopped, if it did. */
export interface EditsInTurn {
  patches: AnalysisPatch[];
  /** After the patches: the new text and its analysis, unless `declined`, when it is the text the patches led to. */
  reached: Analysed;
  declined?: string;
}

/**
 * The patches that turn `before` into the analysis of the text `edits` make (apart and in order, as composedEdits gives
 * them), one for each edit, to be applied in turn. `before.analysis` is patched IN PLACE as it goes (a copy of a 5 MB
 * analysis for each edit would cost more than the answer). When an edit is declined, what the ones before it made is
 * returned with why: the caller reads the whole text and patches from there.
 */
export function analyzeEditsInTurn(before: Analysed, edits: readonly EditWithText[], options: AnalyzeOptions & { cache: AnalysisCache }): EditsInTurn {
  const patches: AnalysisPatch[] = [];
  let analysis: DocumentAnalysis = before.analysis;
  let reader: TextReader = before.text;
  let text = before.text;
  // The text from the edit on, as a string joined from slices of `before.text` (read only where every line's projects
  // are matched again, and by the caller).
  let rest = '';
  let restFrom = before.text.length;
  for (let k = edits.length - 1; k >= 0; k--) {
    const e = edits[k];
    const edit = { from: e.from, to: e.to, shift: e.text.length - (e.to - e.from), text: e.text };
    rest = e.text + before.text.slice(e.to, restFrom) + rest;
    restFrom = e.from;
    const next = before.text.slice(0, e.from) + rest;
    const answer = analyzeEdit({ text: reader, analysis }, next, options, [edit]);
    if (!answer.patch) return { patches, reached: { text, analysis }, declined: answer.declined };
    patches.push(answer.patch);
    analysis = patchOwnAnalysis(analysis, answer.patch);
    reader = new EditedText(reader, edit);
    text = next;
  }
  return { patches, reached: { text, analysis } };
}
