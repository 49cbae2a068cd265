// The files a workspace keeps its annotations in, known by their names: a report's sidecar
// (report.txt.annotations.json, beside the report) and the codebook (report-annotator.codebook.json). No export
// or table of the extension or the CLI is ever written over one: an export written over a sidecar replaced that
// report's tags with something the sidecar reader refuses.
import { basename, resolve } from 'node:path';
import { resolveOutputTarget } from './atomicWrite';
import { realPath } from './workspacePaths';

export const SIDECAR_SUFFIX = '.annotations.json';
export const CODEBOOK_FILE = 'report-annotator.codebook.json';

/**
 * The files a write to `path` may reach: its own name, its real path, and the file the atomic write follows its
 * links to. (They differ for a link through a folder that does not exist, nosuchdir/../r.txt.annotations.json:
 * the real path stops at the link, the writer resolves the `..` by name.)
 */
export function pathsWritten(path: string): string[] {
  const paths = [resolve(path), realPath(path)];
  try {
    paths.push(resolve(resolveOutputTarget(path).path));
  } catch {
    // (A folder, a loop of links: nothing can be written there.)
  }
  return paths;
}

/** Which of the annotation files `path` is, by its name or, through symbolic links, its target's; undefined for none. */
export function annotationFileAt(path: string): 'sidecar' | 'codebook' | undefined {
  for (const p of pathsWritten(path)) {
    const name = basename(p).toLowerCase();
    if (name.endsWith(SIDECAR_SUFFIX)) return 'sidecar';
    if (name === CODEBOOK_FILE) return 'codebook';
  }
  return undefined;
}
