// The arguments of the commands that take `--format F --out FILE PATH…` (export, agreement): parsed by
// node:util parseArgs, `--help` printed, a mistake reported as a usage error that points at the help.
import { parseArgs } from 'node:util';
import { UsageError } from './usage';

export interface FormatOutArgs {
  format?: string;
  out?: string;
  positionals: string[];
  /** A usage error of this command (exit code 2), pointing at its --help. */
  usage(message: string): UsageError;
}

/** The parsed arguments, or undefined when --help was asked for (and printed). */
export function parseFormatOutArgs(command: string, help: string, args: string[]): FormatOutArgs | undefined {
  const usage = (message: string) => new UsageError(`${message} (see report-annotator ${command} --help)`);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw usage((err as Error).message.split(/\.\s/)[0].replace(/\.$/, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return undefined;
  }
  return { format: values.format, out: values.out, positionals, usage };
}
