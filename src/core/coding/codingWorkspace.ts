// The thin file layer of coding work: finding the codebook up the tree, reading reports with the
// annotations of the sidecars beside them, listing the reports under a folder. Everything else in
// src/core/coding is pure and takes what these return.
import { existsSync, promises as fs, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AnnotationStore, type StoredAnnotation } from '../annotations';
import { readReportFile } from '../reportInput';
import { readSidecar, readTextIfExists } from '../sidecar';
import { type Codebook, CODEBOOK_FILE, emptyCodebook, parseCodebookJson } from './codebookSchema';
import type { CodedReport } from './codedReport';
import { type FileState, SIDECAR_SUFFIX, sidecarOfReport, type TagChangeInput } from './tagOperations';
import { compareCodeUnits } from '../text';

/** The nearest report-annotator.codebook.json in `dir` or a folder above it, if any. */
export function findCodebook(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const candidate = join(at, CODEBOOK_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(at) === at) return undefined;
  }
}

export interface LoadedCodebook {
  path: string;
  /** The file's text (undefined: there is no file yet). */
  content: string | undefined;
  codebook: Codebook;
}

/** Reads the codebook at `path` (an empty one if there is no file). Throws SchemaError/JsonSyntaxError prefixed with the path. */
export function loadCodebook(path: string): LoadedCodebook {
  const content = readTextIfExists(path);
  if (content === undefined) return { path, content, codebook: emptyCodebook() };
  try {
    return { path, content, codebook: parseCodebookJson(content) };
  } catch (err) {
    throw new Error(`${path}: ${(err as Error).message}`);
  }
}

/**
 * A report and the annotations of its sidecar (`<report>.annotations.json`), found again in the report's
 * text if it changed since the sidecar was written (what stays unfound is kept, orphaned). `path` is the
 * report's path from `root`, with /.
 */
export async function loadCodedReport(file: string, root: string): Promise<CodedReport> {
  const { text } = await readReportFile(file);
  let annotations: StoredAnnotation[] = [];
  let loaded;
  try {
    loaded = readSidecar(sidecarOfReport(file), text);
  } catch (err) {
    throw new Error(`${sidecarOfReport(file)}: ${(err as Error).message}`);
  }
  if (loaded) {
    const store = new AnnotationStore(loaded.annotations);
    if (loaded.textChanged) store.reanchorAll(text);
    annotations = store.list();
  }
  return { path: workspacePath(file, root), text, annotations };
}

/** `file` relative to `root` with / separators (the absolute path if it is outside). */
export function workspacePath(file: string, root: string): string {
  const rel = relative(root, resolve(file));
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : resolve(file)).split(sep).join('/');
}

/** The .txt reports under `path` (itself, if it is a file), in name order; hidden folders and node_modules skipped. */
export async function reportFilesUnder(path: string): Promise<string[]> {
  if (!statSync(path).isDirectory()) return [path];
  const out: string[] = [];
  const entries = (await fs.readdir(path, { withFileTypes: true })).sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(path, e.name);
    if (e.isDirectory()) out.push(...(await reportFilesUnder(full)));
    else if (e.isFile() && e.name.endsWith('.txt')) out.push(full);
  }
  return out;
}

/** Every sidecar under `dir` with its content (hidden folders and node_modules skipped), for a tag change plan. */
export async function collectSidecars(dir: string): Promise<FileState[]> {
  const out: FileState[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const e of entries.sort((a, b) => compareCodeUnits(a.name, b.name))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await collectSidecars(full)));
    else if (e.isFile() && e.name.endsWith(SIDECAR_SUFFIX)) out.push({ path: full, content: readTextIfExists(full) });
  }
  return out;
}

/**
 * What planRename/planMerge take for the workspace folder `root`: its codebook and every sidecar in it, or the
 * sidecars `files` (the editor's: those its Tags view counts, in hidden and linked folders too).
 */
export async function loadTagChangeInput(root: string, now?: Date, files?: readonly string[]): Promise<TagChangeInput> {
  const sidecars = files ? [...files].sort(compareCodeUnits).map((path) => ({ path, content: readTextIfExists(path) })) : await collectSidecars(root);
  return { codebook: loadCodebook(join(root, CODEBOOK_FILE)), sidecars, ...(now && { now }) };
}
