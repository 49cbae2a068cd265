// The layout rules of ARCHITECTURE.md, checked on every run: no import cycle anywhere in src/ (type-only
// imports count: they couple modules just the same), no `vscode` in src/core (the analysis runs in the CLI,
// the worker and the benchmarks), and no source file a reader must hold whole (over 450 lines).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT as ROOT } from './corpus';

const SRC = join(ROOT, 'src');
const MAX_LINES = 450;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC);
const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
/** import … from '…', export … from '…', import('…'): the module specifiers of a file. */
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function specifiers(file: string): string[] {
  return [...text.get(file)!.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts')].find((c) => text.has(c));
}

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.map((f) => relative(ROOT, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('architecture', () => {
  test('the source tree is found', () => {
    assert.ok(files.length > 30, `${files.length} files in src/`);
    assert.ok(text.has(join(SRC, 'core', 'analyze.ts')));
  });

  test('no import cycle in src/, type-only imports included', () => {
    const graph = new Map(files.map((f) => [f, specifiers(f).map((s) => resolveLocal(f, s)).filter((t): t is string => !!t)]));
    const edges = [...graph.values()].reduce((n, targets) => n + targets.length, 0);
    assert.ok(edges > files.length, `the import graph has ${edges} edges`);
    assert.deepEqual(cycles(graph), []);
  });

  test('src/core imports nothing of vscode, nor of the extension or the CLI', () => {
    const offenders = files
      .filter((f) => f.startsWith(join(SRC, 'core')))
      .flatMap((f) =>
        specifiers(f)
          .filter((s) => s === 'vscode' || /^\.\.\/(extension|cli)\b/.test(s))
          .map((s) => `${relative(ROOT, f)} imports ${s}`),
      );
    assert.deepEqual(offenders, []);
  });

  test(`no source file over ${MAX_LINES} lines`, () => {
    const long = files
      .map((f) => [relative(ROOT, f), text.get(f)!.split('\n').length] as const)
      .filter(([, lines]) => lines > MAX_LINES)
      .map(([f, lines]) => `${f}: ${lines} lines`);
    assert.deepEqual(long, []);
  });

  test('each extension area registers itself from its own index.ts', () => {
    const areas = readdirSync(join(SRC, 'extension')).filter((d) => statSync(join(SRC, 'extension', d)).isDirectory() && d !== 'common');
    assert.ok(areas.length >= 3, areas.join(', '));
    const root = text.get(join(SRC, 'extension', 'extension.ts'))!;
    for (const area of areas) {
      const index = text.get(join(SRC, 'extension', area, 'index.ts'));
      assert.ok(index, `${area}/index.ts exists`);
      assert.match(index, /export function register[A-Z]\w*\(/, `${area}/index.ts exports a register function`);
      assert.match(root, new RegExp(`from '\\./${area}'`), `the composition root registers ${area}`);
    }
  });
});
