// Applying a patch on the extension host: to the document's own analysis in place, in one piece; to a copy (of a
// snapshot someone holds) a slice at a time, so that keystrokes and rendering run between slices.
import { applyAnalysisPatchInSteps, type AnalysisPatch, patchSize } from '../../core/analysisPatch';
import { applyAnalysisPatchInPlace, appliesInPlace } from '../../core/analysisPatchInPlace';
import type { DocumentAnalysis } from '../../core/types';

/** How long the host works on a patch before it lets the event loop run (keystrokes, rendering). */
const SLICE_MS = 4;

/** The analysis a patch gave, and what applying it cost the host (ms). */
export interface PatchResult {
  analysis: DocumentAnalysis;
  longestSliceMs: number;
  busyMs: number;
}

/**
 * The patch applied to `analysis` itself: a few milliseconds or less for 5 MB, as only offsets change (so it is not
 * sliced, and no one sees the analysis half moved). Undefined, nothing changed, when the patch must be applied to a copy.
 */
export function patchInPlace(analysis: DocumentAnalysis, patch: AnalysisPatch): PatchResult | undefined {
  const t0 = performance.now();
  if (!applyAnalysisPatchInPlace(analysis, patch)) return undefined;
  const ms = performance.now() - t0;
  return { analysis, longestSliceMs: ms, busyMs: ms };
}

/**
 * A worker's patches applied in turn (one for each place edited, when there were several): to `analysis` itself when
 * `own` (the document's own analysis, not a snapshot someone holds) and every patch allows (all or none: the analysis
 * is never left between two of them), else to copies (the first copy's, made a slice at a time). With how many items
 * they sent, of how many; the longest slice counts the patches applied in place one after another as one.
 */
export async function applyPatches(
  analysis: DocumentAnalysis,
  patches: readonly AnalysisPatch[],
  own: boolean,
  copy: (analysis: DocumentAnalysis, patch: AnalysisPatch) => Promise<PatchResult>,
): Promise<PatchResult & { sent: number; total: number }> {
  let result = { analysis, longestSliceMs: 0, busyMs: 0, sent: 0, total: 0 };
  let inPlaceRun = 0;
  own &&= patches.length === 1 || appliesInPlace(analysis, patches);
  for (const patch of patches) {
    // (A copy shares the items it kept with the analysis it was made from: the patches after it go to copies too.)
    const inPlace = own ? patchInPlace(result.analysis, patch) : undefined;
    own = inPlace !== undefined;
    const next = inPlace ?? (await copy(result.analysis, patch));
    inPlaceRun = inPlace ? inPlaceRun + inPlace.busyMs : 0;
    const size = patchSize(patch);
    result = {
      analysis: next.analysis,
      longestSliceMs: Math.max(result.longestSliceMs, next.longestSliceMs, inPlaceRun),
      busyMs: result.busyMs + next.busyMs,
      sent: result.sent + size.sent,
      total: size.total,
    };
  }
  return result;
}

/**
 * Applies a patch to a copy, a slice at a time: in a large report the items after an edit are thousands of copies, and the
 * first patches of a session run before the code is optimised (tens of milliseconds for 5 MB, in one piece).
 */
export async function applyInSlices(before: DocumentAnalysis, patch: AnalysisPatch): Promise<PatchResult> {
  const steps = applyAnalysisPatchInSteps(before, patch);
  let sliceStart = performance.now();
  let longestSliceMs = 0;
  let busyMs = 0;
  for (;;) {
    const step = steps.next();
    const now = performance.now();
    if (step.done) return { analysis: step.value, longestSliceMs: Math.max(longestSliceMs, now - sliceStart), busyMs: busyMs + now - sliceStart };
    if (now - sliceStart >= SLICE_MS) {
      longestSliceMs = Math.max(longestSliceMs, now - sliceStart);
      busyMs += now - sliceStart;
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** Patches applied to copies, per document: the document's next answer waits for the one being applied. */
export class CopiedPatches {
  private readonly applying = new Map<string, Promise<void>>();

  /** Once no patch of the document is being applied (at once when none is). */
  async settled(key: string): Promise<void> {
    while (this.applying.has(key)) await this.applying.get(key);
  }

  async apply(key: string, base: DocumentAnalysis, patch: AnalysisPatch): Promise<PatchResult> {
    let applied!: () => void;
    this.applying.set(key, new Promise<void>((resolve) => (applied = resolve)));
    try {
      return await applyInSlices(base, patch);
    } finally {
      this.applying.delete(key);
      applied();
    }
  }
}
