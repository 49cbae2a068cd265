// Where a coder's work comes from, for the agreement: an AnnotationSet export (its `paragraphs` and
// annotations; the report's text read beside the export, if it is there and the same) or a folder of
// reports with their sidecars (paragraphs as the analysis finds them: core/structure). The thin file layer of
// agreement.ts.
import { promises as fs, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { sha256 } from '../exportSet';
import { parseAnnotationSetJson } from '../importSet';
import { OffsetMap } from '../offsets';
import { stripBom } from '../bom';
import { parseStructure } from '../structure';
import type { CoderReport, CoderSet } from './agreement';
import { loadCodedReport, reportFilesUnder } from './codingWorkspace';

/** A coder's set from `path`: a folder of reports and sidecars, or an AnnotationSet export (.json). */
export async function loadCoderSet(path: string, label = basename(resolve(path))): Promise<CoderSet> {
  return statSync(path).isDirectory() ? loadSidecarFolder(path, label) : loadAnnotationSetFile(path, label);
}

/** Every report under the folder with its sidecar's annotations (orphans left out: their text is not there). */
export async function loadSidecarFolder(dir: string, label: string): Promise<CoderSet> {
  const reports: CoderReport[] = [];
  for (const file of await reportFilesUnder(dir)) {
    const coded = await loadCodedReport(file, dir);
    const map = new OffsetMap(coded.text);
    const cp = (s: { start: number; end: number }) => ({ start: map.toCodePoint(s.start), end: map.toCodePoint(s.end) });
    reports.push({
      path: coded.path,
      sha256: sha256(coded.text),
      text: coded.text,
      // analyzeText's paragraphs are the structure's: only they are needed, not figures and projects.
      paragraphs: parseStructure(coded.text).paragraphs.map((p) => cp(p.range)),
      annotations: coded.annotations.filter((a) => !a.orphaned).map((a) => ({ tags: a.tags, ...cp(a.target) })),
    });
  }
  return { label, reports };
}

/** An AnnotationSet export; each report's text is looked for at its uri beside the export (kept only if its hash matches). */
export async function loadAnnotationSetFile(file: string, label: string): Promise<CoderSet> {
  let set;
  try {
    set = parseAnnotationSetJson(await fs.readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  const reports: CoderReport[] = [];
  for (const doc of set.documents) {
    let text: string | undefined;
    try {
      const candidate = stripBom(await fs.readFile(join(dirname(file), doc.uri), 'utf8'));
      if (sha256(candidate) === doc.sha256) text = candidate;
    } catch {
      // The report is not beside the export: the disagreements are listed without their text.
    }
    reports.push({
      path: doc.uri,
      sha256: doc.sha256,
      ...(text !== undefined && { text }),
      paragraphs: doc.paragraphs.map((p) => p.range),
      annotations: doc.annotations.map((a) => ({ tags: a.tags, start: a.target.start, end: a.target.end })),
    });
  }
  return { label, reports };
}
