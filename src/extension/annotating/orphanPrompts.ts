// Annotations whose text is gone (orphans) are never dropped: they stay in the sidecar, flagged, and the
// user is told once per session, with a way to look at them and delete the ones they pick, on purpose.
import * as vscode from 'vscode';
import { truncate } from '../../core/text';
import { uriBasename } from '../common/documents';
import type { ReportAnnotations } from './reportAnnotations';
import type { Notifier } from './sidecarMessages';
import { annotationsText, orphansText } from '../common/counts';

/** Tells the user about the report's orphans they have not heard of; offers to review them. */
export async function warnOrphans(report: ReportAnnotations, notify: Notifier): Promise<void> {
  const fresh = report.store.list().filter((a) => a.orphaned && !report.warned.has(a.id));
  if (fresh.length === 0) return;
  for (const a of fresh) report.warned.add(a.id);
  const show = vscode.l10n.t('Show Orphaned Annotations');
  const choice = await notify.warn(
    vscode.l10n.t(
      '{0} of {1} could not be found in the text; kept, unplaced, in {2}. An annotation comes back when its text returns.',
      annotationsText(fresh.length),
      uriBasename(report.uri),
      uriBasename(vscode.Uri.file(report.sidecar)),
    ),
    show,
  );
  if (choice === show) await reviewOrphans(report);
}

/** Lists the report's orphans; the ones the user picks can be deleted (after a confirmation). */
export async function reviewOrphans(report: ReportAnnotations): Promise<void> {
  const orphans = report.store.list().filter((a) => a.orphaned);
  if (orphans.length === 0) return;
  const picked = await vscode.window.showQuickPick(
    orphans.map((a) => ({
      label: a.tags.length ? a.tags.join(', ') : vscode.l10n.t('(no tags)'),
      description: a.note,
      detail: truncate(a.target.exact, 120),
      id: a.id,
    })),
    { canPickMany: true, title: vscode.l10n.t('Orphaned annotations: select the ones to delete (the others are kept)') },
  );
  if (!picked || picked.length === 0) return;
  const del = vscode.l10n.t('Delete');
  const sure = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete {0} of {1}?', orphansText(picked.length), uriBasename(report.uri)),
    { modal: true },
    del,
  );
  if (sure === del) for (const p of picked) report.store.remove(p.id);
}
