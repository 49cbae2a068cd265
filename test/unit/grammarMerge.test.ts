// The grammar file (syntaxes/govreport.tmLanguage.json) and the one VS Code loads, which the build makes from it
// (scripts/mergeGrammar.mjs: each list of rules merged into one search): package.json contributes the merged one, every
// include resolves, and merging changed no token on the four corpora and the adversarial lines.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { StateStack } from 'vscode-textmate';
import { folderReports, REPO_ROOT } from './corpus';
import { ADVERSARIAL_LINES, GRAMMAR_PATH, SCOPE_NAME, SOURCE_GRAMMAR_PATH, dumpTokens, loadGrammar, tokenizeLine } from './grammarHelper';

describe('the grammar file', () => {
  const raw = JSON.parse(readFileSync(SOURCE_GRAMMAR_PATH, 'utf8'));
  test('package.json contributes the grammar the build makes from it', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const contributed = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'govreport');
    assert.equal(contributed.scopeName, SCOPE_NAME);
    assert.equal(raw.scopeName, SCOPE_NAME);
    assert.equal(join(REPO_ROOT, contributed.path), GRAMMAR_PATH);
    assert.equal(JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')).scopeName, SCOPE_NAME);
  });
  test('every include resolves and every repository rule says why (comment)', () => {
    const includes = [...JSON.stringify(raw).matchAll(/"include":"#([^"]+)"/g)].map((m) => m[1]);
    assert.ok(includes.length > 20);
    for (const name of includes) assert.ok(raw.repository[name], `#${name} exists`);
    for (const [name, rule] of Object.entries<{ comment?: string }>(raw.repository)) {
      assert.ok(name === 'inline' || rule.comment, `repository.${name} has a comment`);
    }
  });
  test('scopes end in .govreport so themes and the extension can tell them apart', () => {
    const names = [...JSON.stringify([raw.patterns, raw.repository]).matchAll(/"name":"([^"]+)"/g)].flatMap((m) => m[1].split(' '));
    for (const n of names) assert.match(n, /\.govreport$/);
  });
});

describe('the merged grammar', () => {
  test('gives the tokens the grammar in syntaxes/ gives, line by line over the four corpora and the adversarial lines', { timeout: 300_000 }, async () => {
    const [merged, source] = await Promise.all([loadGrammar(GRAMMAR_PATH), loadGrammar(SOURCE_GRAMMAR_PATH)]);
    const texts = folderReports('corpus', 'corpus-provinces-2026', 'corpus-local', 'corpus-national');
    const lines = [...texts.flatMap((t) => t.split(/\r?\n/)), ...ADVERSARIAL_LINES];
    const ms = { merged: 0, source: 0 };
    let stateMerged: StateStack | undefined;
    let stateSource: StateStack | undefined;
    for (const line of lines) {
      let t = performance.now();
      const a = tokenizeLine(merged, line, stateMerged);
      ms.merged += performance.now() - t;
      t = performance.now();
      const b = tokenizeLine(source, line, stateSource);
      ms.source += performance.now() - t;
      assert.equal(dumpTokens(a.tokens), dumpTokens(b.tokens), `the same tokens for: ${line.slice(0, 80)}`);
      stateMerged = a.state;
      stateSource = b.state;
    }
    const chars = lines.reduce((n, l) => n + l.length, 0);
    console.log(`grammar: ${lines.length} lines, ${chars} characters: merged ${ms.merged.toFixed(0)} ms, as written ${ms.source.toFixed(0)} ms (printed, not asserted; npm run bench measures it)`);
  });
  test('the inline rules are one search, and the rules it cannot merge keep their places', () => {
    const shipped = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'));
    assert.equal(shipped.repository.inline.patterns.length, 1, 'the inline rules are merged into one');
    // A crafted grammar: rules the merge cannot keep as they were stay apart, each between the runs it separates: first
    // characters unbounded (a negated class), a name that refers to a capture, a back-reference (renumbered it would
    // refer to another group), a capture past the rule's groups, a name over captures tokenized again. A class range
    // stays a range in the look-ahead.
    const crafted = {
      scopeName: 'x',
      patterns: [
        { match: 'a(b)', name: 'one.x', captures: { 1: { name: 'b.x' } } },
        { match: '(?<!c)[de]+', name: 'two.x' },
        { match: '[^f]g', name: 'apart.x' },
        { match: '(h)', name: 'h.$1.x' },
        { match: '(["\'])i\\1', name: 'backref.x' },
        { match: 'j(k)', captures: { 2: { name: 'stale.x' } } },
        { match: 'l(m)', name: 'l.x', captures: { 1: { patterns: [{ match: 'm', name: 'm.x' }] } } },
        { match: 'n', name: 'three.x' },
        { match: 'o?[p-z]', name: 'four.x' },
      ],
    };
    const script = `import { mergeGrammar } from ${JSON.stringify(join(REPO_ROOT, 'scripts', 'mergeGrammar.mjs'))};
      process.stdout.write(JSON.stringify(mergeGrammar(JSON.parse(process.argv[1]))));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(crafted)], { encoding: 'utf8' }));
    const [first, ...rest] = out.patterns;
    const last = rest.pop();
    assert.equal(first.match, '(?=[ade])(?:((?=[a])(?:a(b)))|((?=[de])(?:(?<!c)[de]+)))');
    assert.deepEqual(first.captures, { 1: { name: 'one.x' }, 2: { name: 'b.x' }, 3: { name: 'two.x' } });
    assert.deepEqual(
      rest.map((r: { match: string }) => r.match),
      crafted.patterns.slice(2, 7).map((r) => r.match),
    );
    assert.equal(last.match, '(?=[n-z])(?:((?=[n])(?:n))|((?=[o-z])(?:o?[p-z])))');
  });
});
