// Restricted Mode (an untrusted workspace): reading is harmless, so highlighting, the analysis, the views,
// hovers and the outline all work, and sidecars are read and shown. Everything that writes is off until
// the user trusts the folder: tagging and notes, sidecar writes (a re-anchoring on load would otherwise
// rewrite files in a folder the user only meant to look at), import and export.
import * as vscode from 'vscode';

/** Why a writing command does nothing now, or undefined when the workspace is trusted. */
export function restrictedModeRefusal(): string | undefined {
  return vscode.workspace.isTrusted
    ? undefined
    : vscode.l10n.t('Report Annotator writes nothing in Restricted Mode: trust this workspace to tag, import or export annotations.');
}
