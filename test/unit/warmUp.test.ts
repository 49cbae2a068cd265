// The analysis worker warms its code up on a made-up report (src/extension/analysis/warmUp.ts): it must run the paths
// a real report runs, or the first real analysis is still cold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../src/core/analyze';
import { WARM_UP_TEXT } from '../../src/extension/analysis/warmUp';

test('the warm-up report has headings of two levels, targets and results, ranges and indicators of the table', () => {
  const analysis = analyzeText(WARM_UP_TEXT);
  assert.ok(analysis.sections.length >= 3, 'sections');
  assert.ok(new Set(analysis.sections.map((s) => s.level)).size >= 2, 'levels');
  assert.ok(analysis.figures.length >= 20, `figures: ${analysis.figures.length}`);
  const roles = new Set(analysis.figures.map((f) => f.role));
  assert.ok(roles.has('target') && roles.has('result'), `roles: ${[...roles]}`);
  assert.ok(analysis.figures.some((f) => f.bound === 'range'), 'a range');
  assert.ok(analysis.figures.some((f) => f.indicatorKey), 'an indicator of the table');
});
