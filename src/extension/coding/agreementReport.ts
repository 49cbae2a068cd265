// Agreement between two coders, in the extension: two exports (AnnotationSet .json) or two folders of
// reports with their sidecars → a Markdown report opened in the preview: which reports were compared and
// which left out (and why), per tag and overall Cohen's kappa and Krippendorff's alpha, and the paragraphs
// where the coders differ side by side. The same core as `report-annotator agreement A B`.
//   executeCommand('reportAnnotator.compareCoders', { a: '/path/coder-a', b: '/path/coder-b', preview: false })
import * as vscode from 'vscode';
import { type AgreementResult, compareCoders, type Coefficients } from '../../core/coding/agreement';
import { loadCoderSet } from '../../core/coding/agreementInputs';
import { truncate } from '../../core/text';
import { argumentObject, registerCommand, UserError } from '../common/commands';
import { paragraphsText, reportsText } from '../common/counts';

export interface AgreementArgs {
  a?: string;
  b?: string;
  /** false: return the report without opening it (tests). */
  preview?: boolean;
}

export interface AgreementCommandResult {
  result?: AgreementResult;
  markdown?: string;
  message?: string;
}

export function registerAgreement(log?: vscode.LogOutputChannel): vscode.Disposable {
  return registerCommand('reportAnnotator.compareCoders', (a) => compare(argumentObject<AgreementArgs>(a)), {
    log,
    failed: (message: string): AgreementCommandResult => ({ message }),
  });
}

async function ask(title: string): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title,
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: false,
    filters: { [vscode.l10n.t('Report annotations')]: ['json'] },
  });
  return picked?.[0]?.fsPath;
}

async function compare(args: AgreementArgs): Promise<AgreementCommandResult> {
  const a = args.a ?? (await ask(vscode.l10n.t('Coder A: an export (.json) or a folder of reports with their annotations')));
  if (!a) return { message: 'cancelled' };
  const b = args.b ?? (await ask(vscode.l10n.t('Coder B: an export (.json) or a folder of reports with their annotations')));
  if (!b) return { message: 'cancelled' };
  const [setA, setB] = await Promise.all([loadCoderSet(a), loadCoderSet(b)]);
  const result = compareCoders(setA, setB);
  if (result.compared.length === 0) {
    const why = result.leftOut.map((l) => `${l.report}: ${l.reason}`).join('; ');
    throw new UserError(vscode.l10n.t('The two sets have no report in common to compare. {0}', why));
  }
  const markdown = agreementMarkdown(result);
  if (args.preview !== false) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
  }
  return { result, markdown };
}

const num = (x: number | null) => (x === null ? '—' : x.toFixed(3));
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** The agreement as Markdown, in the UI language. */
export function agreementMarkdown(r: AgreementResult): string {
  const out: string[] = [`# ${vscode.l10n.t('Agreement between coders')}`, '', `- A: \`${r.a}\``, `- B: \`${r.b}\``, ''];
  out.push(vscode.l10n.t('Compared {0}, {1}:', reportsText(r.compared.length), paragraphsText(r.paragraphs)), '');
  for (const c of r.compared) out.push(`- ${cell(c)}`);
  if (r.leftOut.length > 0) {
    out.push('', vscode.l10n.t('Left out:'), '');
    for (const l of r.leftOut) out.push(`- ${cell(l.report)}: ${cell(l.reason)}`);
  }
  out.push('', `## ${vscode.l10n.t('Per tag')}`, '');
  out.push(`| ${vscode.l10n.t('Tag')} | A | B | ${vscode.l10n.t('both')} | ${vscode.l10n.t('agreement')} | κ (Cohen) | α (Krippendorff) |`, '|---|---:|---:|---:|---:|---:|---:|');
  const row = (name: string, a: string, b: string, both: string, c: Coefficients) => `| ${name} | ${a} | ${b} | ${both} | ${num(c.agreement)} | ${num(c.kappa)} | ${num(c.alpha)} |`;
  for (const tag of r.tags) out.push(row(cell(tag.tag), String(tag.a), String(tag.b), String(tag.both), tag));
  out.push(row(`**${vscode.l10n.t('overall')}**`, '', '', '', r.overall));
  out.push('', `## ${vscode.l10n.t('Paragraphs where the coders differ')} (${r.disagreements.length})`, '');
  if (r.disagreements.length > 0) {
    out.push(`| ${vscode.l10n.t('Report')} | ¶ | A | B | ${vscode.l10n.t('Text')} |`, '|---|---:|---|---|---|');
    for (const d of r.disagreements) {
      out.push(`| ${cell(d.report)} | ${d.paragraph + 1} | ${cell(d.a.join(', ') || '—')} | ${cell(d.b.join(', ') || '—')} | ${cell(truncate((d.text ?? '').trim(), 80))} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
