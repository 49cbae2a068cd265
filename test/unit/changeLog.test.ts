// After typing only the edits cross to the analysis worker: the log gives the changes between two versions when
// it has every one of them, and nothing when one is missing, came with several changes in an order not VS Code's,
// or the log was cut short.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyChanges, ChangeLog, lengthChange } from '../../src/extension/analysis/changeLog';

describe('change log', () => {
  test('the changes between two versions rebuild the later text', () => {
    const log = new ChangeLog();
    let text = '今年地区生产总值增长6%。';
    const v1 = text;
    const steps = [
      { offset: 8, length: 0, text: '预计' },
      { offset: 12, length: 1, text: "5.5" },
      { offset: 0, length: 2, text: '2024年' },
    ];
    steps.forEach((c, i) => {
      text = applyChanges(text, [c]);
      log.record(i + 2, [c]);
    });
    assert.equal(text, '2024年地区生产总值预计增长5.5%。');
    const changes = log.since(1, 4)!;
    assert.equal(applyChanges(v1, changes), text);
    assert.equal(v1.length + lengthChange(changes), text.length);
    assert.deepEqual(log.since(2, 4), steps.slice(1));
    log.forget(2);
    assert.equal(log.since(1, 4), undefined, 'forgotten versions are missing');
    assert.deepEqual(log.since(2, 4), steps.slice(1));
  });

  test('an event of several changes (cursors), the last place first as VS Code lists them: logged, applied in turn', () => {
    const log = new ChangeLog();
    const v1 = '一二三四五六七八';
    const event = [{ offset: 6, length: 1, text: 'x' }, { offset: 3, length: 0, text: 'y' }, { offset: 0, length: 2, text: '' }];
    log.record(2, event);
    log.record(3, [{ offset: 1, length: 0, text: 'z' }]);
    assert.equal(applyChanges(v1, log.since(1, 3)!), '三zy四五六x八');
  });

  test('a missing version, an event of several changes in another order, a large paste: no changes, the text is sent', () => {
    const log = new ChangeLog();
    log.record(2, [{ offset: 0, length: 0, text: 'a' }]);
    log.record(4, [{ offset: 0, length: 0, text: 'b' }]);
    assert.equal(log.since(1, 4), undefined);
    const multi = new ChangeLog();
    multi.record(2, [{ offset: 0, length: 0, text: 'a' }]);
    multi.record(3, [{ offset: 0, length: 0, text: 'c' }, { offset: 5, length: 0, text: 'b' }]);
    multi.record(4, [{ offset: 0, length: 0, text: 'd' }]);
    assert.equal(multi.since(1, 4), undefined);
    assert.deepEqual(multi.since(3, 4), [{ offset: 0, length: 0, text: 'd' }]);
    // (Two changes at one offset: which comes first in the text is not said.)
    multi.record(5, [{ offset: 3, length: 0, text: 'e' }, { offset: 3, length: 0, text: 'f' }]);
    assert.equal(multi.since(4, 5), undefined);
    // An event at more places than the worker answers one by one; more changes logged than are composed quickly.
    const cursors = new ChangeLog();
    cursors.record(2, Array.from({ length: 33 }, (_, k) => ({ offset: 100 - 2 * k, length: 0, text: 'x' })));
    assert.equal(cursors.since(1, 2), undefined);
    const burst = new ChangeLog();
    for (let v = 2; v < 1026; v++) burst.record(v, [{ offset: v, length: 0, text: 'x' }]);
    assert.equal(burst.since(1, 1025)?.length, 1024);
    burst.record(1026, [{ offset: 0, length: 0, text: 'x' }]);
    assert.equal(burst.since(1, 1026), undefined);
    const paste = new ChangeLog();
    paste.record(2, [{ offset: 0, length: 0, text: '字'.repeat(2 << 20) }]);
    assert.equal(paste.since(1, 2), undefined);
  });
});
