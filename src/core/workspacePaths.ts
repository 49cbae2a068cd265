// Where the extension may read and write on behalf of data it was given (an import's document URIs, a
// command's `uri` argument): only inside the open workspace folders. Paths are compared after resolving
// symbolic links, so a link inside a folder that points outside it is outside.
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The path with symbolic links resolved, as far as it exists (a file not yet there keeps its name). */
export function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPath(parent), absolute.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
  }
}

/** Whether `path` is one of `roots` or lies below one (links resolved on both sides). */
export function isInsideRoots(path: string, roots: readonly string[]): boolean {
  const target = realPath(path);
  return roots.some((root) => {
    const rel = relative(realPath(root), target);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}
