// The one way the extension registers a command and reports its failure. A command returns a result object
// (tests and keybindings read it); when it throws, the user is told once and the command returns the
// failure as a result instead of an unhandled rejection:
// - a UserError is something the user can act on (no report open, a bad tag): an information message;
// - any other error is a failure: an error message, and the log.
// Commands that write (`writes: true`) do nothing in Restricted Mode, and say why.
import * as vscode from 'vscode';
import { errorMessage } from '../../core/text';
import { restrictedModeRefusal } from './trust';

/** A message for the user, not a bug: shown as information. */
export class UserError extends Error {}

export interface CommandOptions<T> {
  /** The result to return when the command fails, given the message shown. */
  failed: (message: string) => T;
  /** The command writes files (annotations, sidecars, exports): refused in Restricted Mode. */
  writes?: boolean;
  /** How to say an error (not a UserError) in one message; default: its message. */
  describe?: (err: unknown) => string;
  log?: vscode.LogOutputChannel;
}

export function registerCommand<T>(id: string, run: (arg: unknown) => T | Promise<T>, options: CommandOptions<T>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (arg?: unknown): Promise<T> => {
    try {
      const refusal = options.writes ? restrictedModeRefusal() : undefined;
      if (refusal) throw new UserError(refusal);
      return await run(arg);
    } catch (err) {
      if (err instanceof UserError) {
        void vscode.window.showInformationMessage(err.message);
        return options.failed(err.message);
      }
      const message = (options.describe ?? errorMessage)(err);
      options.log?.error(`${id} failed: ${err instanceof Error && err.stack ? err.stack : message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Report Annotator: {0}', message));
      return options.failed(message);
    }
  });
}

/** A command's argument as an options object: a URI becomes `{ [uriKey]: uri }`; anything else that is not an object, `{}`. */
export function argumentObject<T extends object>(arg: unknown, uriKey?: keyof T, fromUri?: (uri: vscode.Uri) => unknown): T {
  if (arg instanceof vscode.Uri) return (uriKey ? { [uriKey]: fromUri ? fromUri(arg) : arg } : {}) as T;
  return (arg && typeof arg === 'object' ? arg : {}) as T;
}
