// Builds the AnnotationSet export (spec.md) from analyses and annotations. Everything leaves here in
// code point offsets, and every set is validated against the zod schema before anyone writes it.
import { createHash } from 'node:crypto';
import { OffsetMap } from './offsets';
import {
  ANNOTATION_SET_FORMAT,
  ANNOTATION_SET_VERSION,
  type AnnotationSet,
  type CodePointRange,
  type DocumentExport,
  parseAnnotationSet,
} from './schema';
import type { Annotation, Caption, DocumentAnalysis, Figure, Paragraph, Project, Section, Span } from './types';
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

/** Converts one document's items to the export's code point offsets, one at a time (for streaming). */
export class DocumentExporter {
  private readonly map: OffsetMap;
  constructor(readonly text: string) {
    this.map = new OffsetMap(text);
  }
  get length(): number {
    return this.map.codePointLength;
  }
  range(s: Span): CodePointRange {
    return { start: this.map.toCodePoint(s.start), end: this.map.toCodePoint(s.end) };
  }
  section(s: Section) {
    return { ...s, heading: this.range(s.heading), range: this.range(s.range) };
  }
  paragraph(p: Paragraph) {
    return { ...p, range: this.range(p.range) };
  }
  figure(f: Figure) {
    return { ...f, range: this.range(f.range) };
  }
  project(p: Project) {
    return { ...p, occurrences: p.occurrences.map((o) => this.range(o)) };
  }
  caption(c: Caption) {
    return { ...c, range: this.range(c.range) };
  }
  annotation(a: Annotation) {
    return { ...a, target: { ...a.target, ...this.range(a.target) } };
  }
}

export function buildDocumentExport({ uri, text, analysis, annotations }: DocumentInput): DocumentExport {
  const e = new DocumentExporter(text);
  return {
    uri,
    sha256: sha256(text),
    length: e.length,
    ...(analysis.title !== undefined && { title: analysis.title }),
    ...(analysis.meta && { meta: analysis.meta }),
    sections: analysis.sections.map((s) => e.section(s)),
    paragraphs: analysis.paragraphs.map((p) => e.paragraph(p)),
    figures: analysis.figures.map((f) => e.figure(f)),
    projects: analysis.projects.map((p) => e.project(p)),
    captions: analysis.captions.map((c) => e.caption(c)),
    annotations: annotations.map((a) => e.annotation(a)),
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
