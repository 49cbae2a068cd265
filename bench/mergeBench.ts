// AnnotationStore.merge on a large import: 32k annotations on distinct spans into an empty store, then the
// same set again (every one replaces itself by id), as importing an export twice does.
import { performance } from 'node:perf_hooks';
import { AnnotationStore, type StoredAnnotation } from '../src/core/annotations';

const COUNT = 32_000;

function annotations(count: number): StoredAnnotation[] {
  const stamp = '2026-01-01T00:00:00.000Z';
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    tags: ['招商引资'],
    target: { start: i * 10, end: i * 10 + 8, exact: '招商引资成效显著', prefix: '', suffix: '' },
    created: stamp,
    modified: stamp,
  }));
}

export async function runMergeBench(): Promise<void> {
  const incoming = annotations(COUNT);
  const store = new AnnotationStore();
  const t0 = performance.now();
  store.merge(incoming);
  const first = performance.now() - t0;
  const t1 = performance.now();
  store.merge(incoming);
  const again = performance.now() - t1;
  console.log(
    `merge: ${COUNT} annotations into an empty store ${first.toFixed(0)} ms, the same ${COUNT} again ${again.toFixed(0)} ms ` +
      `(${store.size} annotations)`,
  );
}
