// Renaming and merging tags across a workspace: the codebook and every sidecar that uses the tag. First a
// plan (pure: file contents in, new contents out, with how many annotations in how many reports change),
// then applyPlan (planApply.ts) writes it all or nothing. Sidecars are changed in their own terms (code
// point offsets, quotes, hash untouched): only tags and `modified` move, so no report text is needed.
import { parseJsonText, parseSidecarFile, SchemaError } from '../schema';
import { type Codebook, serializeCodebook } from './codebookSchema';
import { CodebookError, mergeTagsInCodebook, renameTagInCodebook } from './codebook';
import { normalizeTagName, tagKey } from './tagNames';

/** The sidecar file beside a report: `<report>.annotations.json` (as the extension names it). */
import { SIDECAR_SUFFIX } from '../annotationFiles';
export { SIDECAR_SUFFIX };

/** A file as it is now: its path and content (undefined: it does not exist). */
export interface FileState {
  path: string;
  content: string | undefined;
}

/** One file to write: what it must still hold when the plan is applied, and what it will hold. */
export interface PlannedWrite {
  path: string;
  before: string | undefined;
  after: string;
}

export interface TagChangePlan {
  kind: 'rename' | 'merge';
  /** The tags that go (normalised names). */
  from: string[];
  /** The tag they become. */
  to: string;
  /** Annotations whose tags change, and in how many sidecars (one per report). */
  annotations: number;
  reports: number;
  /** Per sidecar that changes: the sidecar, its report and how many of its annotations change. */
  changes: { sidecar: string; report: string; annotations: number }[];
  /** The codebook after the change. */
  codebook: Codebook;
  /** Every file to write: the sidecars, then the codebook (if it changes). */
  writes: PlannedWrite[];
}

export interface TagChangeInput {
  codebook: { path: string; content: string | undefined; codebook: Codebook };
  sidecars: readonly FileState[];
  /** The clock for annotations' `modified` (tests pass a fixed one). */
  now?: Date;
}

/** Rename `from` to `to` everywhere. Refused (CodebookError) if `to` is another tag of the codebook. */
export function planRename(input: TagChangeInput, from: string, to: string): TagChangePlan {
  if (normalizeTagName(to) === '') throw new CodebookError('the new name is empty');
  const codebook = renameTagInCodebook(input.codebook.codebook, from, to);
  return plan(input, 'rename', [from], to, codebook);
}

/** Merge the tags `from` into `into` everywhere: an annotation with both keeps `into` once. */
export function planMerge(input: TagChangeInput, from: readonly string[], into: string): TagChangePlan {
  if (normalizeTagName(into) === '') throw new CodebookError('the tag to merge into is empty');
  const codebook = mergeTagsInCodebook(input.codebook.codebook, from, into);
  return plan(input, 'merge', from, into, codebook);
}

function plan(input: TagChangeInput, kind: 'rename' | 'merge', from: readonly string[], to: string, codebook: Codebook): TagChangePlan {
  const toName = normalizeTagName(to);
  const fromKeys = new Set(from.map(tagKey));
  const now = (input.now ?? new Date()).toISOString();
  const writes: PlannedWrite[] = [];
  const changes: TagChangePlan['changes'] = [];
  for (const { path, content } of input.sidecars) {
    if (content === undefined) continue;
    let file;
    try {
      file = parseSidecarFile(parseJsonText(content));
    } catch (err) {
      // A rename that skipped one sidecar would leave the old tag behind: refuse instead.
      const reason = err instanceof SchemaError || err instanceof SyntaxError ? err.message : String(err);
      throw new CodebookError(`${path}: cannot be read (${reason}); mend or remove it first`);
    }
    let changed = 0;
    const annotations = file.annotations.map((a) => {
      if (!a.tags.some((t) => fromKeys.has(tagKey(t)))) return a;
      const tags: string[] = [];
      for (const t of a.tags.map((t) => (fromKeys.has(tagKey(t)) ? toName : t))) {
        if (!tags.some((x) => tagKey(x) === tagKey(t))) tags.push(t);
      }
      const same = tags.length === a.tags.length && tags.every((t, i) => t === a.tags[i]);
      if (same) return a;
      changed++;
      return { ...a, tags, modified: now };
    });
    if (changed === 0) continue;
    const after = `${JSON.stringify(parseSidecarFile({ ...file, annotations }), null, 2)}\n`;
    writes.push({ path, before: content, after });
    changes.push({ sidecar: path, report: reportOfSidecar(path), annotations: changed });
  }
  const codebookAfter = serializeCodebook(codebook);
  const codebookBefore = input.codebook.content;
  if (codebookAfter !== codebookBefore && !(codebookBefore === undefined && codebook.tags.length === 0 && !codebook.memos?.length)) {
    writes.push({ path: input.codebook.path, before: codebookBefore, after: codebookAfter });
  }
  return {
    kind,
    from: from.map(normalizeTagName),
    to: toName,
    annotations: changes.reduce((n, c) => n + c.annotations, 0),
    reports: changes.length,
    changes,
    codebook,
    writes,
  };
}

/** The report a sidecar belongs to (`a.txt.annotations.json` → `a.txt`). */
export function reportOfSidecar(sidecar: string): string {
  return sidecar.endsWith(SIDECAR_SUFFIX) ? sidecar.slice(0, -SIDECAR_SUFFIX.length) : sidecar;
}

/** The sidecar beside a report. */
export function sidecarOfReport(report: string): string {
  return report + SIDECAR_SUFFIX;
}
