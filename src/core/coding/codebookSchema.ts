// The codebook, `report-annotator.codebook.json` at a workspace folder's root: the tags (name, colour,
// description, parent for a hierarchy such as 经济/财政) and memos (a note on a whole report, by its path
// from the folder, or on a tag). The zod schema is the one source of the format; its JSON Schema is
// generated (codebookJsonSchema, `report-annotator schema --codebook`). Beyond the shape, parseCodebook
// checks what a schema cannot: every parent exists, parents form no cycle, no two tags are one (names
// that differ only in width or spaces), every memo names a tag that exists, and one memo per report or tag.
import { z } from 'zod';
import { formatPath, lazySchemas, parseJsonText, SchemaError } from '../schema';
import { normalizeTagName, tagKey } from './tagNames';

export { CODEBOOK_FILE } from '../annotationFiles';
export const CODEBOOK_FORMAT = 'report-annotator.codebook';
export const CODEBOOK_VERSION = 1;

/** The codebook's zod schemas. */
const codebookSchemas = lazySchemas(() => {
  const name = z.string().refine((s) => normalizeTagName(s) !== '', { message: 'must not be empty' });

  const CodebookTagSchema = z.looseObject({
    name,
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb'),
    description: z.string().optional(),
    /** The name of the parent tag. */
    parent: name.optional(),
  });

  /** A note on a whole report (`report`: its path from the workspace folder, with /) or on a tag. */
  const MemoSchema = z
    .looseObject({
      report: z.string().min(1).optional(),
      tag: name.optional(),
      text: z.string(),
      modified: z.iso.datetime({ offset: true, message: 'not an ISO 8601 date and time' }).optional(),
    })
    .refine((m) => (m.report === undefined) !== (m.tag === undefined), { message: 'give either report or tag (one of them)' });

  const CodebookSchema = z.looseObject({
    format: z.literal(CODEBOOK_FORMAT).optional(),
    version: z.literal(CODEBOOK_VERSION).optional(),
    tags: z.array(CodebookTagSchema),
    memos: z.array(MemoSchema).optional(),
  });

  return { CodebookTagSchema, MemoSchema, CodebookSchema };
});

type CodebookSchemas = ReturnType<typeof codebookSchemas>;
export type CodebookTag = z.infer<CodebookSchemas['CodebookTagSchema']>;
export type Memo = z.infer<CodebookSchemas['MemoSchema']>;
export type Codebook = z.infer<CodebookSchemas['CodebookSchema']>;

/** The JSON Schema (draft 2020-12) of the codebook file, generated from the zod schema. */
export function codebookJsonSchema(): object {
  return z.toJSONSchema(codebookSchemas().CodebookSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
}

/** An empty codebook. */
export function emptyCodebook(): Codebook {
  return { format: CODEBOOK_FORMAT, version: CODEBOOK_VERSION, tags: [], memos: [] };
}

/** A report path as memos keep it: / separators, no leading ./ */
export function normalizeReportPath(path: string): string {
  return path.split('\\').join('/').replace(/^(\.\/)+/, '');
}

/**
 * Validates a codebook (parsed JSON) and returns it with names normalised (NFKC, spaces). Throws
 * SchemaError naming each wrong entry: `tags[3].parent: no tag 经济`.
 */
export function parseCodebook(value: unknown): Codebook {
  const result = codebookSchemas().CodebookSchema.safeParse(value);
  if (!result.success) {
    throw new SchemaError(result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  const codebook = normalizeCodebook(result.data);
  const issues = codebookIssues(codebook);
  if (issues.length > 0) throw new SchemaError(issues);
  return codebook;
}

/** parseCodebook of JSON text (JsonSyntaxError with line and column if it is not JSON). */
export function parseCodebookJson(json: string): Codebook {
  return parseCodebook(parseJsonText(json));
}

/** The file's text: format and version first, two-space indented, a final newline. */
export function serializeCodebook(codebook: Codebook): string {
  const checked = parseCodebook(codebook);
  const { format: _f, version: _v, tags, memos, ...rest } = checked;
  const out = { format: CODEBOOK_FORMAT, version: CODEBOOK_VERSION, ...rest, tags, memos: memos ?? [] };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function normalizeCodebook(codebook: Codebook): Codebook {
  return {
    ...codebook,
    tags: codebook.tags.map((t) => ({
      ...t,
      name: normalizeTagName(t.name),
      ...(t.parent !== undefined && { parent: normalizeTagName(t.parent) }),
    })),
    memos: (codebook.memos ?? []).map((m) => ({
      ...m,
      ...(m.tag !== undefined && { tag: normalizeTagName(m.tag) }),
      ...(m.report !== undefined && { report: normalizeReportPath(m.report) }),
    })),
  };
}

/** What is wrong with a codebook beyond its shape (names already normalised). */
export function codebookIssues(codebook: Codebook): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const byKey = new Map<string, number>();
  codebook.tags.forEach((t, i) => {
    const first = byKey.get(tagKey(t.name));
    if (first !== undefined) {
      issues.push({ path: `tags[${i}].name`, message: `${t.name} is the same tag as tags[${first}] (${codebook.tags[first].name})` });
    } else byKey.set(tagKey(t.name), i);
  });
  codebook.tags.forEach((t, i) => {
    if (t.parent === undefined) return;
    if (!byKey.has(tagKey(t.parent))) issues.push({ path: `tags[${i}].parent`, message: `no tag ${t.parent}` });
  });
  // Cycles: follow each chain of parents; a chain that comes back to where it started is one.
  const reported = new Set<number>();
  codebook.tags.forEach((t, i) => {
    const chain: number[] = [i];
    let at = t.parent === undefined ? undefined : byKey.get(tagKey(t.parent));
    while (at !== undefined && !chain.includes(at)) {
      chain.push(at);
      const p = codebook.tags[at].parent;
      at = p === undefined ? undefined : byKey.get(tagKey(p));
    }
    if (at !== i || reported.has(i)) return;
    for (const c of chain) reported.add(c);
    const names = [...chain, i].map((c) => codebook.tags[c].name);
    issues.push({
      path: `tags[${i}].parent`,
      message: chain.length === 1 ? `${t.name} cannot be its own parent` : `${names.join(' → ')} is a cycle`,
    });
  });
  const memoKeys = new Map<string, number>();
  (codebook.memos ?? []).forEach((m, i) => {
    if (m.tag !== undefined && !byKey.has(tagKey(m.tag))) issues.push({ path: `memos[${i}].tag`, message: `no tag ${m.tag}` });
    if (m.report !== undefined && (m.report.startsWith('/') || /^[a-zA-Z]:/.test(m.report) || m.report.split('/').includes('..'))) {
      issues.push({ path: `memos[${i}].report`, message: 'a path inside the workspace folder, relative to it (reports/a.txt)' });
    }
    const key = m.tag !== undefined ? `tag:${tagKey(m.tag)}` : `report:${m.report}`;
    const first = memoKeys.get(key);
    if (first !== undefined) issues.push({ path: `memos[${i}]`, message: `a second memo on the same ${m.tag !== undefined ? 'tag' : 'report'} as memos[${first}]` });
    else memoKeys.set(key, i);
  });
  return issues;
}
