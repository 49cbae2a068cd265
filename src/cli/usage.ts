// The CLI's help texts, and the error that prints one (exit code 2).

export type CommandName = 'analyze' | 'schema';

const ANALYZE = `usage: report-annotator analyze FILE... [--out FILE] [--no-projects]
  Analyses the reports (UTF-8 text) and writes one AnnotationSet (JSON, code point offsets).
  -o, --out FILE   write to FILE (atomically; a symlink keeps pointing at it) instead of stdout
  --no-projects    do not list projects (skips loading the word segmenter)
  -h, --help       show this help`;

const SCHEMA = `usage: report-annotator schema [--sidecar] [--out FILE]
  Writes the JSON Schema of the AnnotationSet export, or with --sidecar of the sidecar file.
  -o, --out FILE   write to FILE instead of stdout
  --sidecar        the sidecar file's schema
  -h, --help       show this help`;

export const HELP: Record<CommandName | 'all', string> = {
  analyze: ANALYZE,
  schema: SCHEMA,
  all: `usage:
  report-annotator analyze FILE... [--out FILE] [--no-projects]
  report-annotator schema [--sidecar] [--out FILE]
  report-annotator --version
  report-annotator COMMAND --help
Exit codes: 0 done, 1 a file could not be read or written, 2 wrong usage.`,
};

/** Wrong usage: the message, then the usage of `command` (or of the whole tool). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: CommandName | 'all' = 'all',
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
