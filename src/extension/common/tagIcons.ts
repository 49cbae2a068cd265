// A tag's colour as the icon of its row in the Tags view and the tag picker: a small SVG per colour, written once
// into the extension's global storage (an item's icon is a file or a theme icon; theme icons take only theme colours).
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { isTagColor } from '../../core/tagColors';

export class TagIcons {
  constructor(private readonly dir: string) {}

  /** The icons kept in the extension's global storage. */
  static of(context: vscode.ExtensionContext): TagIcons {
    return new TagIcons(vscode.Uri.joinPath(context.globalStorageUri, 'tag-icons').fsPath);
  }

  uri(color: string): vscode.Uri | vscode.ThemeIcon {
    if (!isTagColor(color)) return new vscode.ThemeIcon('tag');
    const file = join(this.dir, `tag-${color.slice(1).toLowerCase()}.svg`);
    try {
      if (!existsSync(file)) {
        mkdirSync(this.dir, { recursive: true });
        writeFileSync(file, `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect x="3" y="3" width="10" height="10" rx="2" fill="${color}"/></svg>\n`);
      }
      return vscode.Uri.file(file);
    } catch {
      return new vscode.ThemeIcon('tag');
    }
  }
}
