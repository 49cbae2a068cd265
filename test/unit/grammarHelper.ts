// Loads the grammar VS Code loads (dist/govreport.tmLanguage.json, which the build makes from
// syntaxes/govreport.tmLanguage.json) with vscode-textmate + vscode-oniguruma (the engine VS Code uses) and
// answers questions about the scopes a line gets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { REPO_ROOT } from './corpus';

/** The grammar package.json contributes: the one below with its rules merged (scripts/mergeGrammar.mjs). */
export const GRAMMAR_PATH = join(REPO_ROOT, 'dist', 'govreport.tmLanguage.json');
/** The grammar we edit. */
export const SOURCE_GRAMMAR_PATH = join(REPO_ROOT, 'syntaxes', 'govreport.tmLanguage.json');
export const SCOPE_NAME = 'text.govreport';

export interface Token {
  /** UTF-16 offsets into the line, as vscode-textmate reports them. */
  start: number;
  end: number;
  text: string;
  /** Scope stack without the root scope text.govreport. */
  scopes: string[];
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;
const grammars = new Map<string, Promise<vsctm.IGrammar>>();

/** The grammar at `path` (by default the one VS Code loads), loaded once. */
export function loadGrammar(path = GRAMMAR_PATH): Promise<vsctm.IGrammar> {
  onigLib ??= (async () => {
    const wasm = readFileSync(join(REPO_ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  let grammar = grammars.get(path);
  if (!grammar) {
    grammar = (async () => {
      const registry = new vsctm.Registry({
        onigLib: onigLib!,
        loadGrammar: async (scopeName: string) => (scopeName === SCOPE_NAME ? vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path) : null),
      });
      const loaded = await registry.loadGrammar(SCOPE_NAME);
      if (!loaded) throw new Error(`grammar ${SCOPE_NAME} did not load from ${path}`);
      return loaded;
    })();
    grammars.set(path, grammar);
  }
  return grammar;
}

/** Tokenizes one line on its own (every rule in this grammar is single-line). */
export function tokenizeLine(grammar: vsctm.IGrammar, line: string, state: vsctm.StateStack = vsctm.INITIAL): {
  tokens: Token[];
  state: vsctm.StateStack;
} {
  const r = grammar.tokenizeLine(line, state);
  const tokens = r.tokens.map((t) => ({
    start: t.startIndex,
    end: Math.min(t.endIndex, line.length),
    text: line.slice(t.startIndex, t.endIndex),
    scopes: t.scopes.filter((s) => s !== SCOPE_NAME),
  }));
  return { tokens: tokens.filter((t) => t.end > t.start), state: r.ruleStack };
}

/** `scope` equals `prefix` or is a dotted refinement of it (constant.numeric matches constant.numeric.count.govreport). */
export function scopeMatches(scope: string, prefix: string): boolean {
  return scope === prefix || scope.startsWith(prefix + '.');
}

export function hasScope(token: Token, prefix: string): boolean {
  return token.scopes.some((s) => s.split(' ').some((part) => scopeMatches(part, prefix)));
}

/** The maximal runs of adjacent tokens carrying a scope under `prefix`, as text. */
export function spans(tokens: Token[], prefix: string): string[] {
  const out: string[] = [];
  let current: { end: number; text: string } | undefined;
  for (const t of tokens) {
    if (!hasScope(t, prefix)) {
      current = undefined;
      continue;
    }
    if (current && current.end === t.start) {
      current.text += t.text;
      current.end = t.end;
      out[out.length - 1] = current.text;
    } else {
      current = { end: t.end, text: t.text };
      out.push(t.text);
    }
  }
  return out;
}

/** Tokens overlapping the `occurrence`-th appearance of `text` in `line`. */
export function tokensOf(tokens: Token[], line: string, text: string, occurrence = 0): Token[] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = line.indexOf(text, at + 1);
    if (at < 0) throw new Error(`“${text}” (occurrence ${occurrence}) not in line: ${line}`);
  }
  const end = at + text.length;
  return tokens.filter((t) => t.start < end && t.end > at);
}

/** A readable dump of a line's tokens for assertion messages. */
export function dumpTokens(tokens: Token[]): string {
  return tokens.map((t) => `[${t.text}|${t.scopes.map((s) => s.replace(/\.govreport/g, '')).join(' ')}]`).join(' ');
}

/** Lines that once made a grammar backtrack for seconds. */
export const ADVERSARIAL_LINES = [
  '1'.repeat(5000) + '万',
  '1,'.repeat(3000) + '元',
  '1' + ',111'.repeat(2500),
  '增长1' + ',111'.repeat(1250) + '的',
  '（记者'.repeat(3333),
  '二十'.repeat(3000),
  '“' + '十四五'.repeat(2000),
  '一是'.repeat(2000),
  '——' + '突出'.repeat(3000),
  '对标 '.repeat(2000) + '摄影',
  '(一)' + '（'.repeat(3000),
  '2020年'.repeat(1000) + '5月' + '至'.repeat(500),
  '约近超'.repeat(2000) + '1.'.repeat(2000),
  '    ' + '文/'.repeat(2000),
  '前'.repeat(3000) + '第'.repeat(3000),
];
