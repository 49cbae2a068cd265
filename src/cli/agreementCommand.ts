// report-annotator agreement A B [--format text|json] [--out FILE]: how far two coders agree, paragraph by
// paragraph, per tag and overall (Cohen's kappa, Krippendorff's alpha), with the paragraphs where they differ.
// A and B: each an AnnotationSet export (.json) or a folder of reports with their sidecars.
import { existsSync, statSync } from 'node:fs';
import { compareCoders, type AgreementResult, type Coefficients } from '../core/coding/agreement';
import { loadCoderSet } from '../core/coding/agreementInputs';
import { reportFilesUnder } from '../core/coding/codingWorkspace';
import { openOutput, refuseOutput } from './output';
import { parseFormatOutArgs } from './formatOutArgs';

export const AGREEMENT_HELP = `usage: report-annotator agreement A B [--format text|json] [--out FILE]
  Compares two coders' annotations of the same reports at paragraph level (a paragraph has a tag if one of
  the coder's annotations with that tag overlaps it): Cohen's kappa and Krippendorff's alpha (nominal) per
  tag and over all (paragraph, tag) decisions, the paragraphs where they differ side by side, and which
  reports were compared and which left out. A and B: AnnotationSet exports (.json), or folders of reports
  with their sidecars (<report>.annotations.json).
  --format F       text (the default) or json
  -o, --out FILE   write to FILE (atomically) instead of stdout
  -h, --help       show this help`;


/** Runs `agreement` with the arguments after the command name. */
export async function agreementCommand(args: string[]): Promise<void> {
  const parsed = parseFormatOutArgs('agreement', AGREEMENT_HELP, args);
  if (!parsed) return;
  const { positionals, usage } = parsed;
  const values = { format: parsed.format, out: parsed.out };
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw usage('--format is text or json');
  if (positionals.length !== 2) throw usage('agreement compares two sets: give A and B');
  if (values.out === '') throw usage('--out needs a file name');
  for (const p of positionals) if (!existsSync(p)) throw new Error(`${p}: no such file or folder`);
  // (What is read: the two sets, a folder's reports; none is written over.)
  const reads = [...positionals];
  for (const p of positionals) if (statSync(p).isDirectory()) reads.push(...(await reportFilesUnder(p)));
  if (values.out !== undefined) refuseOutput(values.out, reads);
  const [a, b] = positionals;
  const labelA = a === b ? 'A' : a;
  const labelB = a === b ? 'B' : b;
  const result = compareCoders(await loadCoderSet(a, labelA), await loadCoderSet(b, labelB));
  const output = await openOutput(values.out, 'all', reads);
  try {
    await output.write(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatAgreement(result));
  } catch (err) {
    await output.abort();
    throw err;
  }
  await output.commit();
}

const num = (v: number | null) => (v === null ? '–' : v.toFixed(3));
/** Display width: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(c) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;

/** The result as a reader sees it: what was compared, a table per tag, then the differences side by side. */
export function formatAgreement(r: AgreementResult): string {
  const lines: string[] = [];
  lines.push(`A: ${r.a}`, `B: ${r.b}`);
  lines.push(`Compared ${r.compared.length} report${r.compared.length === 1 ? '' : 's'}, ${r.paragraphs} paragraphs${r.compared.length > 0 ? `: ${r.compared.join(', ')}` : ''}`);
  for (const l of r.leftOut) lines.push(`Left out ${l.report}: ${l.reason}`);
  lines.push('');
  const nameWidth = Math.max(7, ...r.tags.map((t) => width(t.tag)));
  const row = (name: string, a: string, b: string, both: string, c: Coefficients) =>
    `${pad(name, nameWidth)}  ${padStart(a, 5)}  ${padStart(b, 5)}  ${padStart(both, 5)}  ${padStart(num(c.agreement), 9)}  ${padStart(num(c.kappa), 6)}  ${padStart(num(c.alpha), 6)}`;
  lines.push(`${pad('tag', nameWidth)}  ${padStart('A', 5)}  ${padStart('B', 5)}  ${padStart('both', 5)}  ${padStart('agreement', 9)}  ${padStart('kappa', 6)}  ${padStart('alpha', 6)}`);
  for (const t of r.tags) lines.push(row(t.tag, String(t.a), String(t.b), String(t.both), t));
  lines.push(row('overall', '', '', '', r.overall));
  lines.push('');
  lines.push(`Paragraphs where the coders differ: ${r.disagreements.length}`);
  for (const d of r.disagreements) {
    lines.push('');
    lines.push(`${d.report} ¶${d.paragraph + 1} [${d.start}–${d.end}]`);
    if (d.text !== undefined) lines.push(`  ${truncate(d.text.replace(/\s+/g, ' ').trim(), 80)}`);
    lines.push(`  A: ${d.a.join(', ') || '—'}`);
    lines.push(`  B: ${d.b.join(', ') || '—'}`);
  }
  return `${lines.join('\n')}\n`;
}

function truncate(text: string, max: number): string {
  const cps = [...text];
  return cps.length > max ? `${cps.slice(0, max).join('')}…` : text;
}
