// The CLI's help texts, and the error that prints one (exit code 2).

export type CommandName = 'analyze' | 'table' | 'schema';

const INPUTS = `  PATH is a report (UTF-8 text), a folder (searched recursively for .txt and .govreport; other files are
  skipped) or - for standard input. A report that cannot be read is named on stderr and skipped; the others
  are written, and the exit code is 1.`;

const COMMON = `  -j, --jobs N         analyse in N worker threads (default: the number of cores); output keeps input order
  --indicators FILE    add the indicator entries of FILE (JSON) to the shipped table (repeatable)
  -o, --out FILE       write to FILE (atomically; a symlink keeps pointing at it) instead of stdout
  -h, --help           show this help
  A progress line (reports done/total, MB/s) goes to stderr when it is a terminal.`;

const ANALYZE = `usage: report-annotator analyze PATH... [--format json|jsonl] [--jobs N] [--out FILE] [--no-projects]
  Analyses the reports and writes one AnnotationSet (JSON, code point offsets), or with --format jsonl one
  document per line, each written as its report is done.
${INPUTS}
  -f, --format F       json (default) or jsonl
  --no-projects        do not list projects (skips loading the word segmenter)
${COMMON}`;

const TABLE = `usage: report-annotator table figures|targets|annotations PATH... [--indicator KEY] [--role target|result]
                              [--format csv|jsonl] [--jobs N] [--out FILE]
       report-annotator table hits PATH... --query PATTERN [--regex] [--case-sensitive] [--format csv|jsonl] …
  Writes a flat table, one row per item, with a header (CSV per RFC 4180, UTF-8) or as JSON Lines:
    figures      every figure, with its report's year, region and level, its indicator, role and year
    targets      the figures that are a target or a result (one restated later in a report is listed once)
    annotations  the tags and notes of the sidecars <report>.annotations.json beside the reports, one row per tag
    hits         every hit of a search: the report's year, region, level and title, code point offsets,
                 30 characters of context each side, the hit and its sentence
${INPUTS}
  --indicator KEY      only figures of this canonical indicator (gdp, fiscalRevenue, cpi …)
  --role R             only targets or only results
  -q, --query P        the hits table's search: a word or phrase (a regular expression with --regex,
                       JavaScript syntax; case-insensitive unless --case-sensitive)
  -f, --format F       csv (default) or jsonl
${COMMON}`;

const SCHEMA = `usage: report-annotator schema [--sidecar | --codebook] [--out FILE]
  Writes the JSON Schema of the AnnotationSet export, with --sidecar of the sidecar file, with --codebook of
  the codebook (report-annotator.codebook.json).
  -o, --out FILE   write to FILE instead of stdout
  --sidecar        the sidecar file's schema
  --codebook       the codebook's schema
  -h, --help       show this help`;

export const HELP: Record<CommandName | 'all', string> = {
  analyze: ANALYZE,
  table: TABLE,
  schema: SCHEMA,
  all: `usage:
  report-annotator analyze PATH... [--format json|jsonl] [--jobs N] [--out FILE] [--no-projects]
  report-annotator table figures|targets|annotations PATH... [--indicator KEY] [--role R] [--format csv|jsonl]
  report-annotator table hits PATH... --query PATTERN [--regex] [--case-sensitive] [--format csv|jsonl]
  report-annotator schema [--sidecar | --codebook] [--out FILE]
  report-annotator export --format qdpx|jsonld|json PATH... [--out FILE]
  report-annotator agreement A B [--format text|json] [--out FILE]
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
