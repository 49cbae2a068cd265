// report-annotator analyze PATH... [--format json|jsonl] [--jobs N] [--out FILE] [--no-projects]
// [--indicators FILE]: the AnnotationSet of the reports (json, written document by document), or one
// document per line (jsonl, each line written as its report finishes).
import { UsageError } from './usage';
import { runCommand, type CommonOptions } from './runCommand';

export interface AnalyzeOptions extends CommonOptions {
  format: 'json' | 'jsonl';
  projects: boolean;
}

/** Returns the number of reports that could not be read or analysed (they are named on stderr). */
export async function analyzeCommand(options: AnalyzeOptions): Promise<number> {
  if (options.format !== 'json' && options.format !== 'jsonl') throw new UsageError(`--format ${options.format}: json or jsonl`, 'analyze');
  return runCommand('analyze', options, { mode: options.format, format: 'jsonl', projects: options.projects, indicatorFiles: options.indicatorFiles });
}
