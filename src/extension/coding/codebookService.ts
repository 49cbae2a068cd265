// The codebooks of the workspace: `report-annotator.codebook.json` at the root of each workspace folder,
// read when the window opens and again whenever the file changes (in VS Code or on disk). A codebook that
// does not parse, names a parent that does not exist or makes a cycle is shown as a problem on the entry
// it names (and in the Tags view); while it is wrong nothing writes to it. Changes go through `update`:
// read the file afresh, change it with a pure codebook operation, write it atomically.
import { join } from 'node:path';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../core/atomicWrite';
import { type Codebook, CODEBOOK_FILE, parseCodebookJson, serializeCodebook } from '../../core/coding/codebookSchema';
import { locateJsonPath } from '../../core/coding/jsonLocate';
import { JsonSyntaxError, SchemaError } from '../../core/schema';
import { readTextIfExists } from '../../core/sidecar';
import { errorMessage } from '../../core/text';
import { UserError } from '../common/commands';
import { watchSoon } from '../common/watchSoon';

export interface FolderCodebook {
  folder: vscode.WorkspaceFolder;
  /** The file (whether or not it exists). */
  path: string;
  /** The file's text; undefined when there is no codebook. */
  content?: string;
  /** The codebook, when the file exists and is right. */
  codebook?: Codebook;
  /** What is wrong with it: one line per problem, naming the entry. */
  problems?: string[];
}

type CodebookState = FolderCodebook & { lastError?: unknown; lastGood?: Codebook };

/** How a folder's codebook names a report (its memos, the Tags view's usage): its path in its folder, with / between. */
export const codebookReportPath = (uri: vscode.Uri): string => vscode.workspace.asRelativePath(uri, false).split('\\').join('/');

export class CodebookService implements vscode.Disposable {
  /** Undefined until the files are first read: on first use, or just after activation (not during it). */
  private loaded: CodebookState[] | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('reportAnnotator.codebook');
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidChange = this.emitter.event;

  constructor() {
    const changed = () => this.reload();
    this.disposables.push(
      this.emitter,
      this.diagnostics,
      watchSoon(`**/${CODEBOOK_FILE}`, { create: changed, change: changed, delete: changed }),
      vscode.workspace.onDidChangeWorkspaceFolders(changed),
      // Unsaved edits do not count: the file on disk is the codebook.
      vscode.workspace.onDidSaveTextDocument((d) => d.uri.path.endsWith(`/${CODEBOOK_FILE}`) && this.reload()),
    );
    // Its problems are shown without anyone asking, soon after activation.
    const first = setTimeout(() => void this.states, 0);
    this.disposables.push({ dispose: () => clearTimeout(first) });
  }

  private get states(): CodebookState[] {
    if (!this.loaded) this.reload();
    return this.loaded!;
  }

  /** Reads every folder's codebook again; fires onDidChange if anything differs (not on the first read: nothing was told of the files before). */
  reload(): void {
    const previous = this.loaded;
    const before = previous && JSON.stringify(previous.map(({ path, content, problems }) => [path, content, problems]));
    this.loaded = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => {
      const state = this.read(f);
      // While the file is wrong (being edited, say), its colours stay those of the last right version.
      const before = previous?.find((p) => p.path === state.path);
      if (state.problems) state.lastGood = before?.codebook ?? before?.lastGood;
      return state;
    });
    this.diagnostics.clear();
    for (const s of this.loaded) {
      if (s.problems && s.content !== undefined) this.diagnostics.set(vscode.Uri.file(s.path), this.problemsOf(s.content, s.lastError!));
    }
    const after = JSON.stringify(this.loaded.map(({ path, content, problems }) => [path, content, problems]));
    if (before !== undefined && before !== after) this.emitter.fire();
  }

  private read(folder: vscode.WorkspaceFolder): CodebookState {
    const path = join(folder.uri.fsPath, CODEBOOK_FILE);
    let content: string | undefined;
    try {
      content = readTextIfExists(path);
    } catch (err) {
      return { folder, path, problems: [errorMessage(err)], lastError: err };
    }
    if (content === undefined) return { folder, path };
    try {
      return { folder, path, content, codebook: parseCodebookJson(content) };
    } catch (err) {
      const problems = err instanceof SchemaError ? err.issues.map((i) => `${i.path || '(root)'}: ${i.message}`) : [errorMessage(err)];
      return { folder, path, content, problems, lastError: err };
    }
  }

  private problemsOf(content: string, err: unknown): vscode.Diagnostic[] {
    const doc = { positionAt: (offset: number) => positionAt(content, offset) };
    const diagnostic = (start: number, end: number, message: string) => {
      const d = new vscode.Diagnostic(new vscode.Range(doc.positionAt(start), doc.positionAt(Math.max(end, start + 1))), message, vscode.DiagnosticSeverity.Error);
      d.source = 'report-annotator';
      return d;
    };
    if (err instanceof SchemaError) {
      return err.issues.map((i) => {
        const at = locateJsonPath(content, i.path);
        return diagnostic(at.start, at.end, `${i.path || '(root)'}: ${i.message}`);
      });
    }
    if (err instanceof JsonSyntaxError && err.line !== undefined) {
      const lines = content.split('\n');
      const offset = lines.slice(0, err.line - 1).reduce((n, l) => n + l.length + 1, 0) + (err.column ?? 1) - 1;
      return [diagnostic(offset, offset + 1, err.message)];
    }
    return [diagnostic(0, 1, errorMessage(err))];
  }

  /** Every folder's codebook state, in folder order. */
  all(): readonly FolderCodebook[] {
    return this.states;
  }

  /** The state of the folder that holds `uri` (else of the first folder with a codebook, else the first). */
  stateFor(uri?: vscode.Uri): FolderCodebook | undefined {
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    return this.states.find((s) => s.folder.uri.toString() === folder?.uri.toString()) ?? this.states.find((s) => s.content !== undefined) ?? this.states[0];
  }

  /** Whether some folder has a codebook file (right or wrong). */
  get present(): boolean {
    return this.states.some((s) => s.content !== undefined);
  }

  /** The tags of every codebook (a wrong one: its last right version), the first folder's first: name and colour. */
  styles(): { name: string; color: string }[] {
    const out: { name: string; color: string }[] = [];
    for (const s of this.states) for (const t of (s.codebook ?? s.lastGood)?.tags ?? []) if (!out.some((o) => o.name === t.name)) out.push({ name: t.name, color: t.color });
    return out;
  }

  /**
   * Changes the codebook of the folder holding `uri` (the first folder's if none): reads the file afresh,
   * applies `change`, writes atomically. Refused while the file is wrong (nothing rewritten), or when
   * there is no codebook and `create` is not set.
   */
  async update(uri: vscode.Uri | undefined, change: (codebook: Codebook) => Codebook, create = false): Promise<Codebook> {
    const state = this.stateFor(uri);
    if (!state) throw new UserError(vscode.l10n.t('Open a folder with reports first.'));
    const fresh = this.read(state.folder);
    if (fresh.problems) {
      throw new UserError(vscode.l10n.t('{0} has problems; mend it first (nothing was changed): {1}', CODEBOOK_FILE, fresh.problems.join('; ')));
    }
    if (fresh.content === undefined && !create) throw new UserError(vscode.l10n.t('There is no codebook yet: run Create Codebook first.'));
    const next = change(fresh.codebook ?? { tags: [], memos: [] });
    await writeFileAtomic(fresh.path, serializeCodebook(next));
    this.reload();
    return next;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function positionAt(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
}
