// Writing a note: an input box holds one line, and notes on a report run to several. The note opens as a
// comment thread under the paragraph (VS Code's comment widget: several lines, Markdown, Ctrl+Enter), with
// Save and Cancel; an existing note opens ready to edit.
import * as vscode from 'vscode';

const CONTROLLER_ID = 'reportAnnotator.notes';

/** A note in the thread: its text is the comment's body (a plain string, edited in place). */
class NoteComment implements vscode.Comment {
  mode = vscode.CommentMode.Editing;
  readonly author: vscode.CommentAuthorInformation = { name: vscode.l10n.t('Note') };
  contextValue = 'reportAnnotator.note';
  constructor(public body: string | vscode.MarkdownString) {}
}

interface Open {
  thread: vscode.CommentThread;
  resolve(note: string | undefined): void;
}

export class NoteEditor implements vscode.Disposable {
  private readonly controller = vscode.comments.createCommentController(CONTROLLER_ID, vscode.l10n.t('Report notes'));
  private open?: Open;
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.controller.options = { prompt: vscode.l10n.t('Write the note (several lines are fine), then Save'), placeHolder: vscode.l10n.t('Your note') };
    this.disposables = [
      this.controller,
      vscode.commands.registerCommand('reportAnnotator.saveNote', (arg: vscode.CommentReply | NoteComment) => this.save(arg)),
      vscode.commands.registerCommand('reportAnnotator.cancelNote', () => this.finish(undefined)),
    ];
  }

  /** The thread being written in, if any (tests save through it). */
  get thread(): vscode.CommentThread | undefined {
    return this.open?.thread;
  }

  /**
   * Opens the note of the paragraph at `range` (its first line) for writing; resolves with the text saved,
   * or undefined if cancelled (or another note was opened instead).
   */
  edit(document: vscode.TextDocument, range: vscode.Range, current: string | undefined, label: string): Promise<string | undefined> {
    this.finish(undefined);
    const thread = this.controller.createCommentThread(document.uri, new vscode.Range(range.start, range.start), current ? [new NoteComment(current)] : []);
    thread.label = label;
    thread.canReply = current === undefined;
    thread.contextValue = current === undefined ? 'reportAnnotator.newNote' : 'reportAnnotator.editNote';
    thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    // (An existing note opens in its own text box, which VS Code focuses; a new note opens as a reply box, which it does not.)
    if (current === undefined) this.focusWhenShown(thread);
    return new Promise((resolve) => {
      this.open = { thread, resolve };
    });
  }

  /**
   * Gives a new note's reply box the keyboard once the window shows it (the menu that ran Edit Note gives the focus
   * back to the report as it closes). Asked before the box is shown, VS Code's commands show an error instead, as a
   * fixed delay did on a slow window; the box's text is a comment:// document, opened when the box is shown.
   */
  private focusWhenShown(thread: vscode.CommentThread): void {
    const stop = () => {
      clearTimeout(timer);
      listener.dispose();
    };
    const listener = vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.uri.scheme !== 'comment') return;
      stop();
      // (The window lists the box for its line just after it creates the box's text.)
      setTimeout(() => {
        if (this.open?.thread !== thread || vscode.window.activeTextEditor?.document.uri.scheme === 'comment') return;
        void focusReplyBox();
      }, 50);
    });
    // A box never shown (the editor closed meanwhile) is not waited for.
    const timer = setTimeout(stop, 10_000);
  }

  /** Save: from the reply box of a new note (a CommentReply) or the edited comment of an existing one. */
  private save(arg: vscode.CommentReply | NoteComment): void {
    const text = 'text' in arg ? arg.text : typeof arg.body === 'string' ? arg.body : arg.body.value;
    this.finish(text);
  }

  private finish(note: string | undefined): void {
    const open = this.open;
    this.open = undefined;
    open?.thread.dispose();
    open?.resolve(note);
  }

  dispose(): void {
    this.finish(undefined);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/**
 * Moves the keyboard into a new note's reply box. Focus Comment on Current Line focuses the thread, not its box: what
 * was typed next went into the report. From the thread, the next widget is the reply box.
 */
async function focusReplyBox(): Promise<void> {
  try {
    await vscode.commands.executeCommand('workbench.action.focusCommentOnCurrentLine');
    await vscode.commands.executeCommand('widgetNavigation.focusNext');
  } catch {
    // (Commands of the window's: where they are missing, the user clicks into the box.)
  }
}
