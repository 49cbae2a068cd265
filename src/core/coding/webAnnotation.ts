// W3C Web Annotation (JSON-LD, https://www.w3.org/TR/annotation-model/): an AnnotationCollection whose first
// AnnotationPage holds one Annotation per annotation: its target the report (source: its workspace path)
// with a TextPositionSelector (code points, as the model counts them) and a TextQuoteSelector (exact, prefix,
// suffix); its tags `tagging` bodies and its note a `commenting` body. A memo on a report is an Annotation
// whose target is the report as a whole. Importing reads such a collection back (also a bare page or list):
// each annotation placed by position and checked by quote against the report's current text.
import { z } from 'zod';
import { makeTarget, reanchor } from '../anchoring';
import type { StoredAnnotation } from '../annotations';
import { OffsetMap } from '../offsets';
import { formatPath, lazySchemas, parseJsonText, SchemaError } from '../schema';
import { GENERATOR } from '../version';
import type { Memo } from './codebookSchema';
import { reportMemo } from './codebook';
import type { CodingProject, ReportText, SkippedAnnotation } from './codedReport';
import { uniqueTags } from './tagNames';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const textBody = (purpose: 'tagging' | 'commenting', value: string) => ({ type: 'TextualBody', purpose, value, format: 'text/plain' });

/** Annotation ids as IRIs: a UUID as urn:uuid:…, anything else under our own urn. */
const idIri = (id: string) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? `urn:uuid:${id}` : `urn:report-annotator:annotation:${encodeURIComponent(id)}`);
const idFromIri = (iri: string) =>
  iri.startsWith('urn:uuid:') ? iri.slice(9) : iri.startsWith('urn:report-annotator:annotation:') ? decodeURIComponent(iri.slice(32)) : iri;

/** The collection (a plain object, ready for JSON.stringify) and the annotations left out (orphans). */
export function buildWebAnnotationCollection(project: CodingProject, now: Date = new Date()) {
  const items: object[] = [];
  const skipped: SkippedAnnotation[] = [];
  for (const report of project.reports) {
    const map = new OffsetMap(report.text);
    for (const a of report.annotations) {
      if (a.orphaned) {
        skipped.push({ report: report.path, id: a.id, reason: 'its text is not in the report (orphaned)' });
        continue;
      }
      const body = [...uniqueTags(a.tags).map((t) => textBody('tagging', t)), ...(a.note ? [textBody('commenting', a.note)] : [])];
      items.push({
        id: idIri(a.id),
        type: 'Annotation',
        motivation: a.tags.length > 0 ? 'tagging' : 'commenting',
        created: a.created,
        modified: a.modified,
        body,
        target: {
          source: report.path,
          selector: [
            { type: 'TextPositionSelector', start: map.toCodePoint(a.target.start), end: map.toCodePoint(a.target.end) },
            { type: 'TextQuoteSelector', exact: a.target.exact, prefix: a.target.prefix, suffix: a.target.suffix },
          ],
        },
      });
    }
    const memo = reportMemo(project.codebook, report.path);
    if (memo) {
      items.push({
        id: `urn:report-annotator:memo:${encodeURIComponent(report.path)}`,
        type: 'Annotation',
        motivation: 'commenting',
        ...(memo.modified && { modified: memo.modified }),
        body: [textBody('commenting', memo.text)],
        target: report.path,
      });
    }
  }
  const collection = {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: project.name,
    generator: { type: 'Software', name: `${GENERATOR.name} ${GENERATOR.version}` },
    generated: now.toISOString(),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return { collection, skipped };
}

// ---------------------------------------------------------------------------------------------------
// Import

/** What an import reads of a collection, its annotations and their selectors. */
const importSchemas = lazySchemas(() => {
  const one = <T extends z.ZodTypeAny>(s: T) => z.union([s, z.array(s)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);
  const BodySchema = z.looseObject({ type: z.string().optional(), purpose: z.string().optional(), value: z.string() });
  const SelectorSchema = z.looseObject({ type: z.string() });
  const TargetSchema = z.union([
    z.string().min(1).transform((source) => ({ source, selector: [] as z.infer<typeof SelectorSchema>[] })),
    z.looseObject({ source: z.string().min(1), selector: one(SelectorSchema).optional().transform((s) => s ?? []) }),
  ]);
  const AnnotationSchema = z.looseObject({
    id: z.string().min(1),
    type: z.union([z.literal('Annotation'), z.array(z.string()).refine((t) => t.includes('Annotation'), 'not an Annotation')]),
    motivation: z.union([z.string(), z.array(z.string())]).optional(),
    created: z.string().optional(),
    modified: z.string().optional(),
    body: one(BodySchema).optional(),
    target: TargetSchema,
  });
  const PageSchema = z.looseObject({ items: z.array(z.unknown()) });
  const CollectionSchema = z.looseObject({ first: z.union([PageSchema, z.string()]).optional(), items: z.array(z.unknown()).optional() });

  const PositionSchema = z.looseObject({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
  const QuoteSchema = z.looseObject({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string().optional(), suffix: z.string().optional() });

  return { AnnotationSchema, CollectionSchema, PositionSchema, QuoteSchema };
});

export interface WebAnnotationImport {
  reports: { path: string; annotations: StoredAnnotation[] }[];
  /** Notes on whole reports. */
  memos: Memo[];
  /** Annotations that could not be placed (no such report, or their text is not in it), with the reason. */
  unplaced: { id: string; source: string; reason: string }[];
}

/**
 * Reads a Web Annotation collection (JSON text) for the workspace's reports. Throws JsonSyntaxError or
 * SchemaError naming the wrong item (first.items[3].target) and imports nothing then.
 */
export function importWebAnnotations(json: string, reports: readonly ReportText[], now: Date = new Date()): WebAnnotationImport {
  const { AnnotationSchema, CollectionSchema, PositionSchema, QuoteSchema } = importSchemas();
  const root = parseJsonText(json);
  let items: unknown[];
  let at: string;
  if (Array.isArray(root)) [items, at] = [root, ''];
  else {
    const c = CollectionSchema.safeParse(root);
    if (!c.success) throw schemaError(c.error, []);
    if (c.data.items) [items, at] = [c.data.items, 'items'];
    else if (c.data.first && typeof c.data.first === 'object') [items, at] = [c.data.first.items, 'first.items'];
    else throw new SchemaError([{ path: '(root)', message: 'neither items nor first.items: not an AnnotationCollection or AnnotationPage with its items' }]);
  }
  const parsed = items.map((item, i) => {
    const r = AnnotationSchema.safeParse(item);
    if (!r.success) throw schemaError(r.error, [...(at ? at.split('.') : []), i]);
    return r.data;
  });
  const byPath = new Map(reports.map((r) => [r.path, r]));
  const out = new Map<string, StoredAnnotation[]>();
  const result: WebAnnotationImport = { reports: [], memos: [], unplaced: [] };
  const stamp = now.toISOString();
  for (const a of parsed) {
    const id = idFromIri(a.id);
    const report = byPath.get(a.target.source);
    const tags = uniqueTags((a.body ?? []).filter((b) => b.purpose === 'tagging').map((b) => b.value));
    const notes = (a.body ?? []).filter((b) => b.purpose !== 'tagging').map((b) => b.value);
    if (!report) {
      result.unplaced.push({ id, source: a.target.source, reason: `no report ${a.target.source} in the workspace` });
      continue;
    }
    const position = a.target.selector.map((s) => PositionSchema.safeParse(s)).find((r) => r.success)?.data;
    const quote = a.target.selector.map((s) => QuoteSchema.safeParse(s)).find((r) => r.success)?.data;
    if (!position && !quote) {
      if (notes.length > 0 && tags.length === 0) result.memos.push({ report: report.path, text: notes.join('\n\n'), ...(validDate(a.modified) && { modified: validDate(a.modified) }) });
      else result.unplaced.push({ id, source: report.path, reason: 'it has neither a TextPositionSelector nor a TextQuoteSelector' });
      continue;
    }
    const span = placeAnnotation(report.text, position, quote);
    if (typeof span === 'string') {
      result.unplaced.push({ id, source: report.path, reason: span });
      continue;
    }
    const created = validDate(a.created) ?? stamp;
    const annotation: StoredAnnotation = {
      id,
      tags,
      ...(notes.length > 0 && { note: notes.join('\n\n') }),
      target: makeTarget(report.text, span.start, span.end),
      created,
      modified: validDate(a.modified) ?? created,
    };
    out.set(report.path, [...(out.get(report.path) ?? []), annotation]);
  }
  result.reports = [...out].map(([path, annotations]) => ({ path, annotations }));
  return result;
}

/** The span (UTF-16) of the annotation in the report's text: its position if the quote is there, else the quote found again. */
function placeAnnotation(text: string, position: { start: number; end: number } | undefined, quote: { exact: string; prefix?: string; suffix?: string } | undefined) {
  const map = new OffsetMap(text);
  if (position && (position.end < position.start || position.end > map.codePointLength)) {
    if (!quote) return `its position ${position.start}..${position.end} is not inside the report (${map.codePointLength} characters)`;
    position = undefined;
  }
  const start = position ? map.toUtf16(position.start) : 0;
  const end = position ? map.toUtf16(position.end) : 0;
  if (!quote) return { start, end };
  if (position && text.slice(start, end) === quote.exact) return { start, end };
  const found = reanchor(text, { start, end, exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' });
  return found ?? `its text is not in the report (${[...quote.exact].slice(0, 30).join('')})`;
}

function validDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function schemaError(error: z.ZodError, prefix: PropertyKey[]): SchemaError {
  return new SchemaError(error.issues.map((i) => ({ path: formatPath([...prefix, ...i.path]), message: i.message })));
}
