// Builds the AnnotationSet export (spec.md) from analyses and annotations. Everything leaves here in
// code point offsets, and every set is validated against the zod schema before anyone writes it.
import { createHash } from 'node:crypto';
import { OffsetMap } from './offsets';
import {
  ANNOTATION_SET_FORMAT,
  ANNOTATION_SET_VERSION,
  type AnnotationSet,
  type DocumentExport,
  parseAnnotationSet,
} from './schema';
import type { Annotation, DocumentAnalysis, Span } from './types';
import { GENERATOR } from './version';

export interface DocumentInput {
  /** Workspace-relative path or URI string. */
  uri: string;
  text: string;
  analysis: DocumentAnalysis;
  annotations: Annotation[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function buildDocumentExport({ uri, text, analysis, annotations }: DocumentInput): DocumentExport {
  const map = new OffsetMap(text);
  const cp = (s: Span) => ({ start: map.toCodePoint(s.start), end: map.toCodePoint(s.end) });
  return {
    uri,
    sha256: sha256(text),
    length: map.codePointLength,
    ...(analysis.title !== undefined && { title: analysis.title }),
    sections: analysis.sections.map((s) => ({ ...s, heading: cp(s.heading), range: cp(s.range) })),
    paragraphs: analysis.paragraphs.map((p) => ({ ...p, range: cp(p.range) })),
    figures: analysis.figures.map((f) => ({ ...f, range: cp(f.range) })),
    projects: analysis.projects.map((p) => ({ ...p, occurrences: p.occurrences.map(cp) })),
    captions: analysis.captions.map((c) => ({ ...c, range: cp(c.range) })),
    annotations: annotations.map((a) => ({
      ...a,
      target: { ...a.target, start: map.toCodePoint(a.target.start), end: map.toCodePoint(a.target.end) },
    })),
  };
}

/** Wraps documents in an AnnotationSet and validates it (throws SchemaError if anything is off). */
export function buildAnnotationSet(documents: DocumentExport[], now: Date = new Date()): AnnotationSet {
  return parseAnnotationSet({
    format: ANNOTATION_SET_FORMAT,
    version: ANNOTATION_SET_VERSION,
    offsetEncoding: 'codepoint',
    generator: GENERATOR,
    exportedAt: now.toISOString(),
    documents,
  });
}
