// Writing a plan of several files all or nothing: each file is written atomically (a crash leaves the old
// file or the new one), and if one write fails the files already written get their previous content back
// (or are removed, if they did not exist). Before anything is written, every file must still hold what
// the plan was made from, so a plan never overwrites a change made since.
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../atomicWrite';
import { readTextIfExists } from '../sidecar';
import { errorMessage } from '../text';
import type { PlannedWrite } from './tagOperations';

/** The file operations a plan needs; tests inject failures. */
export interface PlanFileSystem {
  read(path: string): Promise<string | undefined>;
  write(path: string, content: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export const nodePlanFileSystem: PlanFileSystem = {
  read: async (path) => readTextIfExists(path),
  write: (path, content) => writeFileAtomic(path, content),
  remove: (path) => fs.rm(path, { force: true }),
};

/** A plan that was not applied; `restoreFailures` names files that could not be put back (should be none). */
export class PlanError extends Error {
  constructor(
    message: string,
    readonly restoreFailures: string[] = [],
  ) {
    super(message);
    this.name = 'PlanError';
  }
}

/**
 * Writes every file of the plan, or none: throws PlanError (nothing changed) if a file changed since the
 * plan was made, or if a write fails (the files written before it restored).
 */
export async function applyPlan(writes: readonly PlannedWrite[], files: PlanFileSystem = nodePlanFileSystem): Promise<void> {
  for (const w of writes) {
    const now = await files.read(w.path);
    if (now !== w.before) throw new PlanError(`${w.path} changed since the plan was made; nothing was written`);
  }
  const done: PlannedWrite[] = [];
  for (const w of writes) {
    try {
      await files.write(w.path, w.after);
      done.push(w);
    } catch (err) {
      const restoreFailures: string[] = [];
      for (const d of done.reverse()) {
        try {
          if (d.before === undefined) await files.remove(d.path);
          else await files.write(d.path, d.before);
        } catch (restoreErr) {
          restoreFailures.push(`${d.path}: ${errorMessage(restoreErr)}`);
        }
      }
      const restored = restoreFailures.length === 0 ? 'every file written before it was restored' : `could not restore ${restoreFailures.join('; ')}`;
      throw new PlanError(`${w.path}: ${errorMessage(err)}; ${restored}`, restoreFailures);
    }
  }
}
