// What analyze and table share: inputs expanded, the output opened before any work (so that one that cannot
// be written fails first), the jobs run, the output made final. Reports that fail are named on stderr and
// skipped; the output holds all the others and is still written.
import { IndicatorTableError, readIndicatorFile } from '../core/indicators';
import type { TaskOptions } from './documentTask';
import { expandInputs } from './inputs';
import { defaultJobs, runJobs } from './jobs';
import { openOutput, refuseOutput } from './output';
import { type CommandName, UsageError } from './usage';

export interface CommonOptions {
  paths: string[];
  out?: string;
  jobs?: number;
  indicatorFiles: string[];
}

export async function runCommand(command: CommandName, { paths, out, jobs }: CommonOptions, task: TaskOptions): Promise<number> {
  const inputs = expandInputs(paths);
  if (inputs.length === 0) throw new Error(`no reports (.txt, .govreport) in ${paths.join(' ')}`);
  // (Reports, standard input when it is a file, and the indicator entries: all read after the output is opened.)
  const reads = [...inputs.map((i) => i.path), ...task.indicatorFiles];
  if (out !== undefined) refuseOutput(out, reads, command);
  for (const file of task.indicatorFiles) {
    try {
      readIndicatorFile(file);
    } catch (err) {
      if (err instanceof IndicatorTableError) throw new UsageError(err.message, command);
      throw err;
    }
  }
  const output = await openOutput(out, command, reads);
  let failed: number;
  try {
    failed = await runJobs(inputs, task, jobs ?? defaultJobs(), output);
  } catch (err) {
    await output.abort();
    throw err;
  }
  await output.commit();
  return failed;
}
