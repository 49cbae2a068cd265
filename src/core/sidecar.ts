// The sidecar file keeps one report's annotations between sessions; the extension decides where it
// lives. In the file offsets are code points (like the export) and the document's SHA-256 says which
// text they were written for; in memory they are UTF-16.
import { readFileSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { makeTarget, targetFromCodePoints, targetToCodePoints } from './anchoring';
import type { StoredAnnotation } from './annotations';
import { writeFileAtomic, writeFileAtomicSync } from './atomicWrite';
import { stripBom } from './bom';
import { sha256 } from './exportSet';
import { OffsetMap } from './offsets';
import { parseJsonText, parseSidecarFile, SIDECAR_FORMAT, SIDECAR_VERSION, type SidecarFile } from './schema';

/**
 * The sidecar JSON for `annotations` (UTF-16 offsets into `text`). Quotes of anchored annotations are
 * taken from `text` afresh, so the file always agrees with the text its hash names.
 */
export function serializeSidecar(text: string, annotations: readonly StoredAnnotation[]): string {
  const map = new OffsetMap(text);
  const clamp = (offset: number) => Math.min(offset, text.length);
  const file: SidecarFile = {
    format: SIDECAR_FORMAT,
    version: SIDECAR_VERSION,
    offsetEncoding: 'codepoint',
    document: { sha256: sha256(text), length: map.codePointLength },
    annotations: annotations.map((a) => {
      // An orphan keeps its last quote; its positions are only hints, kept inside the text.
      const target = a.orphaned
        ? { ...a.target, start: clamp(a.target.start), end: clamp(a.target.end) }
        : makeTarget(text, a.target.start, a.target.end);
      return { ...a, target: targetToCodePoints(target, map) };
    }),
  };
  return `${JSON.stringify(parseSidecarFile(file), null, 2)}\n`;
}

export interface LoadedSidecar {
  /** UTF-16 offsets into the text given to parseSidecar. */
  annotations: StoredAnnotation[];
  /**
   * The positions are only hints, so re-anchor (AnnotationStore.reanchorAll) before use: the text is not
   * the one the sidecar was written for (its SHA-256 differs), or some annotation's quote is not the text
   * at its offsets (a hand-edited or damaged file whose hash still matches).
   */
  textChanged: boolean;
  /** Anchored annotations whose quote is not the text at their offsets, though the hash matches. */
  misplaced: number;
}

/**
 * Reads sidecar JSON for the document's current `text`. Throws JsonSyntaxError (with line and column)
 * for malformed JSON and SchemaError naming each wrong field. A matching hash is not taken on trust:
 * every anchored annotation's quote is checked against the text at its offsets.
 */
export function parseSidecar(json: string, text: string): LoadedSidecar {
  const file = parseSidecarFile(parseJsonText(json));
  const map = new OffsetMap(text);
  const annotations = file.annotations.map((a) => ({ ...a, target: targetFromCodePoints(a.target, map) }));
  const sameText = file.document.sha256 === sha256(text);
  const misplaced = sameText
    ? annotations.filter((a) => !a.orphaned && text.slice(a.target.start, a.target.end) !== a.target.exact).length
    : 0;
  return { annotations, textChanged: !sameText || misplaced > 0, misplaced };
}

/**
 * Writes the sidecar so that a crash leaves the old file or the new one, never half of one. Returns the
 * JSON written (the extension compares it with what the file watcher later reads).
 */
export async function writeSidecar(path: string, text: string, annotations: readonly StoredAnnotation[]): Promise<string> {
  const json = serializeSidecar(text, annotations);
  await writeFileAtomic(path, json);
  return json;
}

/** writeSidecar for when there is no time to await (the extension host shutting down). */
export function writeSidecarSync(path: string, text: string, annotations: readonly StoredAnnotation[]): string {
  const json = serializeSidecar(text, annotations);
  writeFileAtomicSync(path, json);
  return json;
}

/** A text file's content without a byte order mark, or undefined if it does not exist. Other errors are thrown. */
export function readTextIfExists(path: string): string | undefined {
  try {
    return stripBom(readFileSync(path, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The sidecar at `path` for the document's `text`, or undefined if there is none. */
export function readSidecar(path: string, text: string): LoadedSidecar | undefined {
  const json = readTextIfExists(path);
  return json === undefined ? undefined : parseSidecar(json, text);
}

/**
 * What saving a report's annotations does to its sidecar. A report that never had annotations gets no file, and
 * one whose last annotation was removed has its file removed (a file of nothing was left beside every report
 * tagged and untagged, as by Tag All Hits and its undo). An unreadable file (which the user may still mend by hand)
 * is replaced only once there are annotations to keep in its place, not because the report's text changed.
 */
export function sidecarSaveAction(annotations: number, file: 'none' | 'readable' | 'unreadable'): 'write' | 'remove' | 'none' {
  if (annotations > 0) return 'write';
  return file === 'readable' ? 'remove' : 'none';
}

/**
 * Removes the sidecar at `path` if it still holds `expected` (what was last read from it or written to it); whether
 * it is gone. One changed meanwhile (another program, a pull) is left for the file watcher to read.
 */
export async function removeSidecarIfUnchanged(path: string, expected: string): Promise<boolean> {
  const found = holds(path, expected);
  if (found === true) await rm(path, { force: true });
  return found !== false;
}

/** removeSidecarIfUnchanged for when there is no time to await (the extension host shutting down). */
export function removeSidecarIfUnchangedSync(path: string, expected: string): boolean {
  const found = holds(path, expected);
  if (found === true) rmSync(path, { force: true });
  return found !== false;
}

/** Whether the file at `path` holds `expected`; 'gone' if there is none. */
function holds(path: string, expected: string): boolean | 'gone' {
  const now = readTextIfExists(path);
  return now === undefined ? 'gone' : now === expected;
}
