// report-annotator: the analysis core on the command line (subcommands analyze and schema; --help, --version).
// Exit codes: 0 done (also when the reader of stdout went away, as with `| head`), 1 an input or output
// error, 2 wrong usage.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { annotationSetJsonSchema, sidecarJsonSchema } from '../core/schema';
import { GENERATOR } from '../core/version';
import { analyzeCommand } from './analyzeCommand';
import { isBrokenPipe, openOutput } from './output';
import { type CommandName, HELP, UsageError } from './usage';

type Options = NonNullable<ParseArgsConfig['options']>;

const OUT: Options = { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } };
const COMMAND_OPTIONS: Record<CommandName, Options> = {
  analyze: { ...OUT, 'no-projects': { type: 'boolean' } },
  schema: { ...OUT, sidecar: { type: 'boolean' } },
};

/** node:util parseArgs, its errors as UsageError (the first sentence of node's message). */
function parse(command: CommandName | 'all', args: string[], options: Options) {
  try {
    return parseArgs({ args, options, allowPositionals: command === 'analyze', strict: true });
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

async function run(argv: string[]): Promise<void> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('');
  if (first.startsWith('-')) {
    const { values } = parse('all', argv, { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' } });
    if (values.version) process.stdout.write(`${GENERATOR.version}\n`);
    else if (values.help) process.stdout.write(`${HELP.all}\n`);
    else throw new UsageError('');
    return;
  }
  if (first !== 'analyze' && first !== 'schema') throw new UsageError(`unknown command ${first}`);
  const { values, positionals } = parse(first, rest, COMMAND_OPTIONS[first]);
  if (values.help) {
    process.stdout.write(`${HELP[first]}\n`);
    return;
  }
  const out = outOption(values, first);
  if (first === 'analyze') {
    if (positionals.length === 0) throw new UsageError('analyze needs at least one FILE', 'analyze');
    await analyzeCommand({ files: positionals, out, projects: !values['no-projects'] });
  } else {
    const output = await openOutput(out);
    const schema = values.sidecar ? sidecarJsonSchema() : annotationSetJsonSchema();
    try {
      await output.write(`${JSON.stringify(schema, null, 2)}\n`);
    } catch (err) {
      await output.abort();
      throw err;
    }
    await output.commit();
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
    await run(argv);
    return 0;
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

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
