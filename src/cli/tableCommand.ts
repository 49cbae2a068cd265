// report-annotator table figures|targets|annotations|hits PATH... [--indicator KEY] [--role target|result]
// [--query Q [--regex] [--case-sensitive]] [--format csv|jsonl] [--out FILE]: the flat tables of spec.md "Tables",
// one row per figure (targets: per figure with a role) or per annotation tag (from the sidecars
// <report>.annotations.json beside the reports); and one row per hit of a search (the extension's Export Hits).
import { compileQuery, FindQueryError, type FindQuery } from '../core/corpus/kwic';
import { loadIndicatorTable, readIndicatorFile } from '../core/indicators';
import { runCommand, type CommonOptions } from './runCommand';
import { UsageError } from './usage';

export const TABLES = ['figures', 'targets', 'annotations', 'hits'] as const;

export interface TableOptions extends CommonOptions {
  table: string;
  format: string;
  indicator?: string;
  role?: string;
  /** --query and its flags (the hits table). */
  query?: FindQuery;
}

export async function tableCommand(options: TableOptions): Promise<number> {
  const { table, format, indicator, role } = options;
  if (!(TABLES as readonly string[]).includes(table)) throw new UsageError(`unknown table ${table}: ${TABLES.join(', ')}`, 'table');
  if (format !== 'csv' && format !== 'jsonl') throw new UsageError(`--format ${format}: csv or jsonl`, 'table');
  if (role !== undefined && role !== 'target' && role !== 'result') throw new UsageError(`--role ${role}: target or result`, 'table');
  const { query } = options;
  if ((table === 'hits') !== (query !== undefined)) throw new UsageError(table === 'hits' ? 'table hits needs --query PATTERN' : `--query is for the hits table, not ${table}`, 'table');
  if (table === 'hits' && (indicator !== undefined || role !== undefined)) throw new UsageError('--indicator and --role are for the figures and targets tables', 'table');
  if (query) {
    try {
      compileQuery(query);
    } catch (err) {
      if (err instanceof FindQueryError) throw new UsageError(`--query ${query.pattern}: ${err.message}`, 'table');
      throw err;
    }
  }
  if (indicator !== undefined) {
    const known = loadIndicatorTable(...options.indicatorFiles.map(readIndicatorFile)).keys;
    if (!known.includes(indicator)) throw new UsageError(`unknown indicator ${indicator}; the known ones are: ${known.join(', ')}`, 'table');
  }
  return runCommand('table', options, {
    mode: table as (typeof TABLES)[number],
    format,
    projects: false,
    indicatorFiles: options.indicatorFiles,
    indicator,
    role,
    query,
  });
}
