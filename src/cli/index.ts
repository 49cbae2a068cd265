// report-annotator: the analysis core on the command line (subcommands analyze, table and schema; --help,
// --version). Exit codes: 0 done (also when the reader of stdout went away, as with `| head`), 1 an input or
// output error (a report that could not be read is named and skipped, the others written), 2 wrong usage.
// The same script serves as the worker thread of --jobs (src/cli/jobs.ts).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { annotationSetJsonSchema, sidecarJsonSchema } from '../core/schema';
import { GENERATOR } from '../core/version';
import { codebookJsonSchema } from '../core/coding/codebookSchema';
import { agreementCommand } from './agreementCommand';
import { analyzeCommand } from './analyzeCommand';
import { exportCommand } from './exportCommand';
import { isJobWorker, runJobWorker } from './jobs';
import { isBrokenPipe, openOutput } from './output';
import { tableCommand } from './tableCommand';
import { type CommandName, HELP, UsageError } from './usage';

type Options = NonNullable<ParseArgsConfig['options']>;

const OUT: Options = { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } };
const DATA: Options = {
  ...OUT,
  format: { type: 'string', short: 'f' },
  jobs: { type: 'string', short: 'j' },
  indicators: { type: 'string', multiple: true },
};
const COMMAND_OPTIONS: Record<CommandName, Options> = {
  analyze: { ...DATA, 'no-projects': { type: 'boolean' } },
  table: { ...DATA, indicator: { type: 'string' }, role: { type: 'string' }, query: { type: 'string', short: 'q' }, regex: { type: 'boolean' }, 'case-sensitive': { type: 'boolean' } },
  schema: { ...OUT, sidecar: { type: 'boolean' }, codebook: { type: 'boolean' } },
};

/** node:util parseArgs, its errors as UsageError (the first sentence of node's message). */
function parse(command: CommandName | 'all', args: string[], options: Options) {
  try {
    return parseArgs({ args, options, allowPositionals: command === 'analyze' || command === 'table', strict: true });
  } catch (err) {
    const message = (err as Error).message.split(/\.\s/)[0].replace(/\.$/, '');
    throw new UsageError(message, command);
  }
}

/** The value of --out, if given; an empty one (--out=) is wrong usage. */
function outOption(values: { out?: string | boolean }, command: CommandName): string | undefined {
  if (values.out === '') throw new UsageError('--out needs a file name', command);
  return values.out as string | undefined;
}

/** --jobs N: a whole number of threads, at least 1. */
function jobsOption(value: string | boolean | undefined, command: CommandName): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs ${String(value)}: a whole number of threads, 1 or more`, command);
  return n;
}

/** Returns the number of reports that failed (exit code 1 when any did). */
async function run(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('');
  if (first.startsWith('-')) {
    const { values } = parse('all', argv, { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' } });
    if (values.version) process.stdout.write(`${GENERATOR.version}\n`);
    else if (values.help) process.stdout.write(`${HELP.all}\n`);
    else throw new UsageError('');
    return 0;
  }
  if (first === 'export' || first === 'agreement') {
    // The coding commands parse their own options and print their own help (exportCommand.ts, agreementCommand.ts).
    await (first === 'export' ? exportCommand : agreementCommand)(rest);
    return 0;
  }
  if (first !== 'analyze' && first !== 'schema' && first !== 'table') throw new UsageError(`unknown command ${first}`);
  const { values, positionals } = parse(first, rest, COMMAND_OPTIONS[first]);
  if (values.help) {
    process.stdout.write(`${HELP[first]}\n`);
    return 0;
  }
  const out = outOption(values, first);
  const common = {
    out,
    jobs: jobsOption(values.jobs as string | undefined, first),
    indicatorFiles: (values.indicators as string[] | undefined) ?? [],
  };
  if (first === 'analyze') {
    if (positionals.length === 0) throw new UsageError('analyze needs at least one PATH', 'analyze');
    const format = (values.format as string | undefined) ?? 'json';
    return analyzeCommand({ ...common, paths: positionals, format: format as 'json', projects: !values['no-projects'] });
  } else if (first === 'table') {
    const [table, ...paths] = positionals;
    if (table === undefined || paths.length === 0) throw new UsageError('table needs a table name and at least one PATH', 'table');
    // (Without --query they would be ignored in silence.)
    if (values.query === undefined && (values.regex || values['case-sensitive'])) throw new UsageError('--regex and --case-sensitive go with --query (the hits table)', 'table');
    return tableCommand({
      ...common,
      table,
      paths,
      format: (values.format as string | undefined) ?? 'csv',
      indicator: values.indicator as string | undefined,
      role: values.role as string | undefined,
      ...(values.query !== undefined && { query: { pattern: values.query as string, regex: !!values.regex, caseSensitive: !!values['case-sensitive'] } }),
    });
  } else {
    const output = await openOutput(out, 'schema');
    const schema = values.codebook ? codebookJsonSchema() : values.sidecar ? sidecarJsonSchema() : annotationSetJsonSchema();
    try {
      await output.write(`${JSON.stringify(schema, null, 2)}\n`);
    } catch (err) {
      await output.abort();
      throw err;
    }
    await output.commit();
    return 0;
  }
}

async function main(argv: string[]): Promise<number> {
  // `| head` closes the pipe early: stdout reports EPIPE, which ends the run quietly and successfully.
  process.stdout.on('error', (err) => {
    if (isBrokenPipe(err)) process.exit(0);
    process.stderr.write(`report-annotator: stdout: ${err.message}\n`);
    process.exit(1);
  });
  try {
    return (await run(argv)) > 0 ? 1 : 0;
  } catch (err) {
    if (isBrokenPipe(err)) return 0;
    if (err instanceof UsageError) {
      process.stderr.write((err.message ? `report-annotator: ${err.message}\n` : '') + HELP[err.command] + '\n');
      return 2;
    }
    process.stderr.write(`report-annotator: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

if (isJobWorker()) {
  runJobWorker();
} else {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
