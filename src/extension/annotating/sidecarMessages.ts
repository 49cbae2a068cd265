// What the user is told about a report's sidecar: it could not be read (left alone), it was set aside, it
// could not be written (kept in memory), it was deleted outside VS Code (keep or forget?).
import * as vscode from 'vscode';
import { uriBasename } from '../common/documents';
import { annotationsText } from '../common/counts';

/** Where messages go (the window; tests may silence them). */
export interface Notifier {
  warn(message: string, ...actions: string[]): Thenable<string | undefined>;
  error(message: string, ...actions: string[]): Thenable<string | undefined>;
}

const fileName = (path: string) => uriBasename(vscode.Uri.file(path));

export function tellInvalidSidecar(notify: Notifier, report: string, sidecar: string, summary: string): void {
  const open = vscode.l10n.t('Open Sidecar');
  void notify
    .error(
      vscode.l10n.t(
        'The annotations of {0} could not be read. {1} The file is left as it is; fix it, or it is set aside (renamed) when you next annotate this report.',
        report,
        summary,
      ),
      open,
    )
    .then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(vscode.Uri.file(sidecar));
    });
}

export function tellSetAside(notify: Notifier, report: string, aside: string): void {
  void notify.warn(vscode.l10n.t('The unreadable annotations file of {0} was kept as {1}; a new one is written.', report, fileName(aside)));
}

export function tellSaveFailed(notify: Notifier, report: string, sidecar: string, message: string): void {
  void notify.error(
    vscode.l10n.t(
      'The annotations of {0} could not be saved to {1}: {2}. They are kept in memory and saved again at the next change.',
      report,
      sidecar,
      message,
    ),
  );
}

/** The sidecar was deleted outside VS Code while the report has annotations: write them again, or forget them? */
export async function askAfterSidecarDeleted(notify: Notifier, report: string, count: number): Promise<'keep' | 'forget' | undefined> {
  const keep = vscode.l10n.t('Write Them Again');
  const forget = vscode.l10n.t('Forget Them');
  const choice = await notify.warn(vscode.l10n.t('The annotations file of {0} was deleted. Its annotations are still here: {1}.', report, annotationsText(count)), keep, forget);
  return choice === keep ? 'keep' : choice === forget ? 'forget' : undefined;
}
