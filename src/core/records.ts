// Constructors of the objects an analysis keeps by the thousand: spans, figures, paragraphs, sections and captions.
//
// Why not object literals: V8 notes where a literal's objects are made, and when most of them outlive a collection
// of the young generation it makes them in the old generation from then on (pretenuring). In Node 20 that cost
// 0.3–0.7 µs an object against some 20 ns, nearly a third of the analysis of 1 MB without the segmenter. Objects
// made by `new` are never pretenured. They are plain objects all the same: their prototype is Object.prototype and
// their keys come in the order a literal gives them, so JSON, structured clones and deepStrictEqual cannot tell
// them from literals.
import type { Caption, Figure, Paragraph, Section, Span } from './types';

/** `init` as a constructor of plain objects (see above). */
export function plainConstructor<A extends unknown[], T>(init: (this: T, ...args: A) => void): new (...args: A) => T {
  init.prototype = Object.prototype;
  return init as unknown as new (...args: A) => T;
}

export const SpanRecord = plainConstructor(function (this: Span, start: number, end: number) {
  this.start = start;
  this.end = end;
});

/** What extractFigures gives every figure, in this order; the other fields are added later. */
export type FigureFields = Pick<Figure, 'id' | 'text' | 'range' | 'kind' | 'value' | 'magnitude' | 'baseValue' | 'unit' | 'approx' | 'bound'>;

/** (The fields as arguments, in FigureFields' order: an object of them per figure was garbage at once.) */
export const FigureRecord = plainConstructor(function (
  this: Figure,
  id: string,
  text: string,
  range: Span,
  kind: FigureFields['kind'],
  value: number,
  magnitude: number,
  baseValue: number,
  unit: string,
  approx: boolean,
  bound: FigureFields['bound'],
) {
  this.id = id;
  this.text = text;
  this.range = range;
  this.kind = kind;
  this.value = value;
  this.magnitude = magnitude;
  this.baseValue = baseValue;
  this.unit = unit;
  this.approx = approx;
  this.bound = bound;
});

export const ParagraphRecord = plainConstructor(function (this: Paragraph, p: Paragraph) {
  this.id = p.id;
  if (p.sectionId !== undefined) this.sectionId = p.sectionId;
  this.range = p.range;
});

export const SectionRecord = plainConstructor(function (this: Section, s: Section) {
  this.id = s.id;
  if (s.parentId !== undefined) this.parentId = s.parentId;
  this.level = s.level;
  this.title = s.title;
  this.heading = s.heading;
  this.range = s.range;
});

export const CaptionRecord = plainConstructor(function (this: Caption, kind: Caption['kind'], text: string, range: Span) {
  this.kind = kind;
  this.text = text;
  this.range = range;
});
