// Temporary folders for tests, removed when the process exits (node --test runs each unit test file in a process
// of its own) or when an integration window's tests end (mochaRun.ts: VS Code may end its extension host by a
// signal). Every run left some sixty folders behind: the word table's 9 MB, the corpus window's 3,000 files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
process.on('exit', () => removeTempDirs());

/** Removes the folders tempDir made. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // (a folder still in use: left behind, as before; a failed clean-up must not fail or hang a run)
    }
  }
}

/** A new empty folder under the system's temporary folder, its name starting with `prefix`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
