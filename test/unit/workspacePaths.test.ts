import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { isInsideRoots } from '../../src/core/workspacePaths';
import { tempDir } from '../tempDir';

describe('workspace paths', () => {
  const base = tempDir('ra-paths-');
  const ws = join(base, 'ws');
  const outside = join(base, 'outside');
  mkdirSync(join(ws, 'reports'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(ws, 'reports', 'a.txt'), 'x');
  writeFileSync(join(outside, 'secret.txt'), 'x');
  symlinkSync(join(outside, 'secret.txt'), join(ws, 'reports', 'link.txt'));
  symlinkSync(outside, join(ws, 'outdir'));

  test('files below a root are inside, existing or not', () => {
    assert.equal(isInsideRoots(join(ws, 'reports', 'a.txt'), [ws]), true);
    assert.equal(isInsideRoots(join(ws, 'reports', 'new.txt'), [ws]), true);
    assert.equal(isInsideRoots(ws, [ws]), true);
  });

  test('.. segments, absolute paths elsewhere and sibling prefixes are outside', () => {
    assert.equal(isInsideRoots(join(ws, 'reports', '..', '..', 'outside', 'secret.txt'), [ws]), false);
    assert.equal(isInsideRoots(join(outside, 'secret.txt'), [ws]), false);
    assert.equal(isInsideRoots(`${ws}-other/x.txt`, [ws]), false);
    assert.equal(isInsideRoots('/etc/passwd', [ws]), false);
  });

  test('a link inside a root that points outside is outside', () => {
    assert.equal(isInsideRoots(join(ws, 'reports', 'link.txt'), [ws]), false);
    assert.equal(isInsideRoots(join(ws, 'outdir', 'secret.txt'), [ws]), false);
    assert.equal(isInsideRoots(join(ws, 'outdir', 'not-yet.txt'), [ws]), false);
  });

  test('any of several roots', () => {
    assert.equal(isInsideRoots(join(outside, 'secret.txt'), [ws, outside]), true);
    assert.equal(isInsideRoots(join(outside, 'secret.txt'), []), false);
  });
});
