import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { GENERATOR } from '../../src/core/version';
import { REPO_ROOT } from './corpus';

test('the generator named in exports matches package.json', () => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.equal(GENERATOR.name, pkg.name);
  assert.equal(GENERATOR.version, pkg.version);
});

test('every manifest string has an English and a Chinese text', () => {
  const pkg = readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');
  const en = JSON.parse(readFileSync(join(REPO_ROOT, 'package.nls.json'), 'utf8'));
  const zh = JSON.parse(readFileSync(join(REPO_ROOT, 'package.nls.zh-cn.json'), 'utf8'));
  const keys = [...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 10);
  for (const k of keys) {
    assert.ok(typeof en[k] === 'string' && en[k], `package.nls.json has ${k}`);
    assert.ok(typeof zh[k] === 'string' && zh[k], `package.nls.zh-cn.json has ${k}`);
  }
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
});

test('the walkthrough has a picture per step, display language and theme kind, and each is there', () => {
  for (const [file, lang] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh-cn']]) {
    const nls = JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as Record<string, string>;
    for (const step of ['open', 'view', 'tag', 'export']) {
      for (const theme of ['light', 'dark']) {
        const image = nls[`walkthrough.${step}.image.${theme}`];
        assert.match(image, new RegExp(`^media/walkthrough/${lang}/${theme}/[a-z-]+\\.png$`), `${file}: ${step}, ${theme}`);
        assert.ok(existsSync(join(REPO_ROOT, image)), image);
      }
    }
  }
});
