// Writes an AnnotationSet (spec.md) piece by piece to a sink: the header, then each document field by
// field and each array element by element. A crafted report holds millions of figures, whose JSON does not
// fit in one string (V8's limit is about 512 MB) and whose copies would not fit in the heap. The text is
// the same, byte for byte, as JSON.stringify(buildAnnotationSet(documents), null, 2) plus a newline.
// Each element is validated with its zod schema before it is written (an error names its path).
import type { z } from 'zod';
import { DocumentExporter, type DocumentInput, sha256 } from './exportSet';
import { ANNOTATION_SET_FORMAT, ANNOTATION_SET_VERSION, formatPath, SchemaError, schemas } from './schema';
import { GENERATOR } from './version';

/** Where the JSON goes; write resolves when the sink can take more (backpressure). */
export interface TextSink {
  write(chunk: string): Promise<void>;
}

/** Text is handed to the sink in chunks of about this many UTF-16 units. */
const CHUNK = 64 * 1024;

/**
 * Writes `record(item)` for each of `items` (table rows: one string each) to `sink` in chunks of about CHUNK, as they
 * come (a table of millions of rows is never one string); returns how many there were.
 */
export async function writeRecords<T>(sink: TextSink, items: Iterable<T>, record: (item: T) => string): Promise<number> {
  const out = new Chunked(sink);
  let count = 0;
  for (const item of items) {
    count++;
    if (out.add(record(item))) await out.flush();
  }
  await out.flush();
  return count;
}

/** The document's fields before its arrays (built with the schemas, on first use). */
let documentFieldsSchema: ReturnType<typeof pickDocumentFields> | undefined;
const pickDocumentFields = () => schemas().DocumentExportSchema.pick({ uri: true, sha256: true, length: true, title: true, meta: true });

export class AnnotationSetWriter {
  private readonly out: Chunked;
  private documents = 0;

  constructor(
    sink: TextSink,
    private readonly now: Date = new Date(),
  ) {
    this.out = new Chunked(sink);
  }

  /** The set's fields up to the opening of "documents". */
  async begin(): Promise<void> {
    const header = {
      format: ANNOTATION_SET_FORMAT,
      version: ANNOTATION_SET_VERSION,
      offsetEncoding: 'codepoint',
      generator: GENERATOR,
      exportedAt: this.now.toISOString(),
    };
    const json = JSON.stringify(header, null, 2);
    await this.out.put(`${json.slice(0, -2)},\n  "documents": [`);
  }

  /** One document, converted to code points and validated element by element as it is written. */
  async document({ uri, text, analysis, annotations }: DocumentInput): Promise<void> {
    const at: (string | number)[] = ['documents', this.documents];
    const e = new DocumentExporter(text);
    const fields = documentFields(uri, text, analysis, e, at);
    const out = this.out;
    await out.put(`${this.documents === 0 ? '' : ','}\n    {`);
    let first = true;
    for (const [key, value] of Object.entries(fields)) {
      await out.put(`${first ? '' : ','}\n      ${JSON.stringify(key)}: ${indent(value, 3)}`);
      first = false;
    }
    const array = async <T, U>(key: string, schema: z.ZodType<U>, items: readonly T[], convert: (item: T) => unknown) => {
      if (items.length === 0) return out.put(`,\n      "${key}": []`);
      await out.put(`,\n      "${key}": [`);
      for (let i = 0; i < items.length; i++) {
        if (out.add(`${i === 0 ? '' : ','}\n        ${indent(check(schema, convert(items[i]), at, key, i), 4)}`)) await out.flush();
      }
      await out.put('\n      ]');
    };
    await eachArray(analysis, annotations, e, array);
    await out.put('\n    }');
    this.documents++;
  }

  /**
   * A document rendered elsewhere (renderDocument, in a worker thread), written in its place; `fragment` is
   * handed over piece by piece by the caller, `first` says whether it opens the document.
   */
  async documentFragment(fragment: string, first: boolean, last: boolean): Promise<void> {
    if (first && this.documents > 0) await this.out.put(',');
    await this.out.put(fragment);
    if (last) this.documents++;
  }

  /** Closes the set and hands everything left to the sink. */
  async end(): Promise<void> {
    await this.out.put(this.documents === 0 ? ']\n}\n' : '\n  ]\n}\n');
    await this.out.flush();
  }

  /** Hands what is pending to the sink. */
  async flushAll(): Promise<void> {
    await this.out.flush();
  }
}

/** How a writer writes one of a document's arrays: its key, the schema of its elements, the elements, and their export form. */
type ArrayWriter = <T, U>(key: string, schema: z.ZodType<U>, items: readonly T[], convert: (item: T) => unknown) => Promise<void>;

/** A document's arrays, in the set's order, each by `array`. */
async function eachArray(analysis: DocumentInput['analysis'], annotations: DocumentInput['annotations'], e: DocumentExporter, array: ArrayWriter): Promise<void> {
  const { SectionSchema, ParagraphSchema, FigureSchema, ProjectSchema, CaptionSchema, AnnotationSchema } = schemas();
  await array('sections', SectionSchema, analysis.sections, (s) => e.section(s));
  await array('paragraphs', ParagraphSchema, analysis.paragraphs, (p) => e.paragraph(p));
  await array('figures', FigureSchema, analysis.figures, (f) => e.figure(f));
  await array('projects', ProjectSchema, analysis.projects, (p) => e.project(p));
  await array('captions', CaptionSchema, analysis.captions, (c) => e.caption(c));
  await array('annotations', AnnotationSchema, annotations, (a) => e.annotation(a));
}

/** One document as the AnnotationSet writes it (without the comma between documents), for documentFragment. */
export async function renderDocument(sink: TextSink, input: DocumentInput): Promise<void> {
  const writer = new AnnotationSetWriter(sink);
  await writer.document(input);
  await writer.flushAll();
}

/** A document's own fields (uri, hash, length, title, meta), validated at `at`. */
function documentFields(uri: string, text: string, analysis: DocumentInput['analysis'], e: DocumentExporter, at: (string | number)[]) {
  return check((documentFieldsSchema ??= pickDocumentFields()), {
    uri,
    sha256: sha256(text),
    length: e.length,
    ...(analysis.title !== undefined && { title: analysis.title }),
    ...(analysis.meta && { meta: analysis.meta }),
  }, at);
}

/**
 * One document as one line of JSON (JSON Lines: the document object of the AnnotationSet, compact, then a
 * newline), validated and written element by element like the set, so a huge document is never one string.
 */
export async function writeDocumentLine(sink: TextSink, { uri, text, analysis, annotations }: DocumentInput): Promise<void> {
  const e = new DocumentExporter(text);
  const fields = documentFields(uri, text, analysis, e, []);
  const out = new Chunked(sink);
  await out.put(JSON.stringify(fields).slice(0, -1));
  await eachArray(analysis, annotations, e, async (key, schema, items, convert) => {
    await out.put(`,${JSON.stringify(key)}:[`);
    for (let i = 0; i < items.length; i++) {
      if (out.add(`${i === 0 ? '' : ','}${JSON.stringify(check(schema, convert(items[i]), NO_PATH, key, i))}`)) await out.flush();
    }
    await out.put(']');
  });
  await out.put('}\n');
  await out.flush();
}

/**
 * Collects small pieces of text and hands them to the sink in chunks. An element is added without waiting (add), and
 * the writer waits only when a chunk is full: an await per element (a promise, a turn of the microtask queue) cost
 * 1-5% of writing a document, whose time is mostly its elements' validation.
 */
class Chunked {
  private parts: string[] = [];
  private pending = 0;
  constructor(private readonly sink: TextSink) {}

  /** Adds `text`; true when a chunk is full (the caller awaits flush before adding more). */
  add(text: string): boolean {
    this.parts.push(text);
    this.pending += text.length;
    return this.pending >= CHUNK;
  }

  async put(text: string): Promise<void> {
    if (this.add(text)) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.pending = 0;
    await this.sink.write(chunk);
  }
}

/** JSON.stringify(value, null, 2) for a value nested `level` deep (JSON strings hold no raw newlines). */
function indent(value: unknown, level: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(level)}`);
}

/** A path that says nothing more (a line of JSON Lines is one document). */
const NO_PATH: readonly (string | number)[] = [];

/**
 * The value as the schema outputs it (its keys in the schema's order, unknown ones dropped), or SchemaError. Its place
 * is `at`, then `key` and `index` when given: the path is made only for an error, not for every element.
 */
function check<T>(schema: z.ZodType<T>, value: unknown, at: readonly (string | number)[], key?: string, index?: number): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const path = key === undefined ? [...at] : [...at, key, index!];
    throw new SchemaError(result.error.issues.map((i) => ({ path: formatPath([...path, ...i.path]), message: i.message })));
  }
  return result.data;
}
