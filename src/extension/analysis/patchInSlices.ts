// Applying a patch on the extension host a slice at a time, so that keystrokes and rendering run between slices.
import { applyAnalysisPatchInSteps, type AnalysisPatch } from '../../core/analysisPatch';
import type { DocumentAnalysis } from '../../core/types';

/** How long the host works on a patch before it lets the event loop run (keystrokes, rendering). */
const SLICE_MS = 4;

/**
 * Applies a patch a slice at a time: in a large report the items after an edit are thousands of copies, and the
 * first patches of a session run before the code is optimised (tens of milliseconds for 5 MB, in one piece).
 */
export async function applyInSlices(before: DocumentAnalysis, patch: AnalysisPatch): Promise<{ analysis: DocumentAnalysis; longestSliceMs: number; busyMs: number }> {
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
