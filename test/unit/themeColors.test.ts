// Colour meaning must not depend on the theme: in every theme that ships with VS Code, a figure, an
// approximate word (约, 左右), a growth word, a decline word and a heading each get a colour of their own.
// The themes' token rules are resolved by vscode-textmate, the engine VS Code uses (test/fixtures/themes).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as vsctm from 'vscode-textmate';
import { REPO_ROOT } from './corpus';
import { GRAMMAR_PATH, loadGrammar, SCOPE_NAME } from './grammarHelper';

const THEMES = join(REPO_ROOT, 'test', 'fixtures', 'themes');
const THEME_FILES = ['dark_modern', 'light_modern', 'dark_plus', 'light_plus', '2026-dark', '2026-light', 'hc_black', 'hc_light'];
/**
 * The legacy "Visual Studio Dark/Light" themes colour a handful of scopes only (growth shares the figures'
 * green there, whatever scope it takes); their colours are printed, not required apart.
 */
const LEGACY_THEMES = ['dark_vs', 'light_vs'];

interface RawRule {
  scope?: string | string[];
  settings: { foreground?: string; fontStyle?: string };
}

/** A theme's token rules, its includes first (as VS Code reads them). */
function themeRules(name: string): RawRule[] {
  const json = JSON.parse(readFileSync(join(THEMES, `${name}.json`), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
  const base = json.include ? themeRules(json.include.replace(/^\.\//, '').replace(/\.json$/, '')) : [];
  return [...base, ...((json.tokenColors ?? []) as RawRule[])];
}

/** One line of a report, and the text of each role in it. */
const LINE = '　　一、2024年工作回顾 全年地区生产总值增长5.2%左右，居民消费价格下降0.3个百分点，约1200亿元。';
const ROLES: Record<string, string> = { heading: '2024年工作回顾', figure: '1200亿元', approx: '左右', growth: '增长', decline: '下降' };

async function coloursIn(theme: string): Promise<Record<string, string>> {
  await loadGrammar(); // loads the oniguruma engine once
  const { loadWASM: _unused, ...onig } = await import('vscode-oniguruma');
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE_NAME ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    theme: { settings: [{ settings: { foreground: '#fefefe' } }, ...themeRules(theme)] },
  });
  const grammar = (await registry.loadGrammar(SCOPE_NAME))!;
  const colorMap = registry.getColorMap();
  const { tokens } = grammar.tokenizeLine2(LINE, vsctm.INITIAL);
  const out: Record<string, string> = {};
  for (const [role, text] of Object.entries(ROLES)) {
    const at = LINE.indexOf(text) + Math.floor(text.length / 2);
    let metadata = 0;
    for (let i = 0; i < tokens.length; i += 2) if (tokens[i] <= at) metadata = tokens[i + 1];
    // EncodedTokenAttributes: the foreground colour id sits in bits 15–23.
    out[role] = colorMap[(metadata & 0x00ff8000) >>> 15].toLowerCase();
  }
  return out;
}

describe('theme colours', () => {
  test('figures, approximate words, growth, decline and headings differ in every built-in theme', async () => {
    const table: string[] = [];
    const problems: string[] = [];
    for (const theme of THEME_FILES) {
      const colours = await coloursIn(theme);
      table.push(`${theme.padEnd(13)} ${Object.entries(colours).map(([r, c]) => `${r}=${c}`).join(' ')}`);
      const roles = Object.keys(colours);
      for (let i = 0; i < roles.length; i++) {
        for (let j = i + 1; j < roles.length; j++) {
          if (colours[roles[i]] === colours[roles[j]]) problems.push(`${theme}: ${roles[i]} and ${roles[j]} share ${colours[roles[i]]}`);
        }
      }
      if (colours.heading === '#800000') problems.push(`${theme}: headings are maroon`);
      if (colours.heading === '#fefefe') problems.push(`${theme}: headings are not coloured`);
    }
    for (const theme of LEGACY_THEMES) {
      table.push(`${theme.padEnd(13)} ${Object.entries(await coloursIn(theme)).map(([r, c]) => `${r}=${c}`).join(' ')} (legacy)`);
    }
    console.log(table.join('\n'));
    assert.deepEqual(problems, []);
  });
});
