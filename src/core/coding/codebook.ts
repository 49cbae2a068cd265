// Pure operations on a codebook (codebookSchema.ts): each returns a new, checked codebook and leaves its
// argument alone; a change that would make it invalid (a parent cycle, a tag that is already there)
// throws CodebookError saying why. Renaming and merging also change annotations: see tagOperations.ts.
import { SchemaError } from '../schema';
import { type Codebook, type CodebookTag, type Memo, normalizeReportPath, parseCodebook } from './codebookSchema';
import { normalizeTagName, tagKey } from './tagNames';

/** A change the codebook cannot take, with the reason. */
export class CodebookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodebookError';
  }
}

/** The tag of that name (width and spaces ignored), if the codebook has it. */
export function findTag(codebook: Codebook, name: string): CodebookTag | undefined {
  const key = tagKey(name);
  return codebook.tags.find((t) => tagKey(t.name) === key);
}

function requireTag(codebook: Codebook, name: string): CodebookTag {
  const tag = findTag(codebook, name);
  if (!tag) throw new CodebookError(`no tag ${normalizeTagName(name)}`);
  return tag;
}

/** The names from the root down to the tag: ['经济', '财政']. */
export function tagPath(codebook: Codebook, name: string): string[] {
  const path: string[] = [];
  for (let tag = findTag(codebook, name); tag && path.length <= codebook.tags.length; ) {
    path.unshift(tag.name);
    tag = tag.parent === undefined ? undefined : findTag(codebook, tag.parent);
  }
  return path;
}

/** A tag with its children, for a tree view. */
export interface TagNode {
  tag: CodebookTag;
  children: TagNode[];
}

/** The codebook's tags as a forest, in file order at every level. */
export function tagTree(codebook: Codebook): TagNode[] {
  const nodes = new Map(codebook.tags.map((t) => [tagKey(t.name), { tag: t, children: [] as TagNode[] }]));
  const roots: TagNode[] = [];
  for (const t of codebook.tags) {
    const node = nodes.get(tagKey(t.name))!;
    const parent = t.parent === undefined ? undefined : nodes.get(tagKey(t.parent));
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Re-validates (throws CodebookError with the schema's message if the change broke something). */
function checked(codebook: Codebook): Codebook {
  try {
    return parseCodebook(codebook);
  } catch (err) {
    if (err instanceof SchemaError) throw new CodebookError(err.message);
    throw err;
  }
}

function updateTag(codebook: Codebook, name: string, change: (t: CodebookTag) => CodebookTag): Codebook {
  const key = tagKey(requireTag(codebook, name).name);
  return checked({ ...codebook, tags: codebook.tags.map((t) => (tagKey(t.name) === key ? change(t) : t)) });
}

export function addTag(codebook: Codebook, tag: CodebookTag): Codebook {
  if (findTag(codebook, tag.name)) throw new CodebookError(`there is a tag ${findTag(codebook, tag.name)!.name} already`);
  return checked({ ...codebook, tags: [...codebook.tags, tag] });
}

export function recolourTag(codebook: Codebook, name: string, color: string): Codebook {
  return updateTag(codebook, name, (t) => ({ ...t, color }));
}

/** Sets the description; an empty one removes it. */
export function describeTag(codebook: Codebook, name: string, description: string): Codebook {
  return updateTag(codebook, name, ({ description: _old, ...t }) => (description.trim() === '' ? t : { ...t, description }));
}

/** Puts the tag under `parent` (undefined: at the top). Refused if `parent` is the tag or below it. */
export function moveTag(codebook: Codebook, name: string, parent: string | undefined): Codebook {
  const tag = requireTag(codebook, name);
  if (parent === undefined) return updateTag(codebook, name, ({ parent: _p, ...t }) => t);
  const target = requireTag(codebook, parent);
  if (tagPath(codebook, target.name).some((n) => tagKey(n) === tagKey(tag.name))) {
    throw new CodebookError(`${tag.name} cannot go under ${target.name}: ${target.name} is ${target.name === tag.name ? 'the tag itself' : 'below it'}`);
  }
  return updateTag(codebook, name, (t) => ({ ...t, parent: target.name }));
}

function setMemo(codebook: Codebook, matches: (m: Memo) => boolean, memo: Memo | undefined): Codebook {
  const memos = codebook.memos ?? [];
  const at = memos.findIndex(matches);
  const next = memos.filter((_, i) => i !== at);
  if (memo !== undefined) next.splice(at < 0 ? next.length : at, 0, memo);
  return checked({ ...codebook, memos: next });
}

/** The memo on a report (its path from the workspace folder), if any. */
export function reportMemo(codebook: Codebook, report: string): Memo | undefined {
  const path = normalizeReportPath(report);
  return (codebook.memos ?? []).find((m) => m.report === path);
}

/** The memo on a tag, if any. */
export function tagMemo(codebook: Codebook, tag: string): Memo | undefined {
  return (codebook.memos ?? []).find((m) => m.tag !== undefined && tagKey(m.tag) === tagKey(tag));
}

/** Sets the memo on a report; an empty text removes it. */
export function setReportMemo(codebook: Codebook, report: string, text: string, now: Date = new Date()): Codebook {
  const path = normalizeReportPath(report);
  const memo = text.trim() === '' ? undefined : { report: path, text, modified: now.toISOString() };
  return setMemo(codebook, (m) => m.report === path, memo);
}

/** Sets the memo on a tag of the codebook; an empty text removes it. */
export function setTagMemo(codebook: Codebook, tag: string, text: string, now: Date = new Date()): Codebook {
  const name = requireTag(codebook, tag).name;
  const memo = text.trim() === '' ? undefined : { tag: name, text, modified: now.toISOString() };
  return setMemo(codebook, (m) => m.tag !== undefined && tagKey(m.tag) === tagKey(name), memo);
}

/**
 * The codebook with tag `from` called `to`: its children and memo follow. A tag `to` must not exist
 * already (merge them instead). A name the codebook does not have leaves it as it is (the tag may be in
 * annotations only).
 */
export function renameTagInCodebook(codebook: Codebook, from: string, to: string): Codebook {
  const newName = normalizeTagName(to);
  const old = findTag(codebook, from);
  const existing = findTag(codebook, newName);
  if (existing && (!old || tagKey(existing.name) !== tagKey(old.name))) {
    throw new CodebookError(`there is a tag ${existing.name} already: merge ${normalizeTagName(from)} into it instead`);
  }
  if (!old) return checked(codebook);
  const key = tagKey(old.name);
  const rename = (n: string) => (tagKey(n) === key ? newName : n);
  return checked({
    ...codebook,
    tags: codebook.tags.map((t) => ({ ...t, name: rename(t.name), ...(t.parent !== undefined && { parent: rename(t.parent) }) })),
    memos: (codebook.memos ?? []).map((m) => (m.tag === undefined ? m : { ...m, tag: rename(m.tag) })),
  });
}

/**
 * The codebook with the tags `from` folded into `into`: they go, their children move under `into`,
 * and their memos join its memo (texts one after the other). `into` need not be in the codebook yet if
 * none of `from` is; if it is missing and some are, it takes the place of the first of them.
 */
export function mergeTagsInCodebook(codebook: Codebook, from: readonly string[], into: string): Codebook {
  const intoName = normalizeTagName(into);
  const intoKey = tagKey(intoName);
  const fromKeys = new Set(from.map(tagKey).filter((k) => k !== intoKey));
  let target = findTag(codebook, intoName);
  const merged = codebook.tags.filter((t) => fromKeys.has(tagKey(t.name)));
  if (!target && merged.length > 0) target = { ...merged[0], name: intoName };
  if (!target) return checked(codebook);
  const rename = (n: string) => (fromKeys.has(tagKey(n)) ? target!.name : n);
  const tags: CodebookTag[] = [];
  for (const t of codebook.tags) {
    if (fromKeys.has(tagKey(t.name))) {
      if (!findTag(codebook, intoName) && t === merged[0]) tags.push({ ...target, ...(target.parent !== undefined && { parent: rename(target.parent) }) });
      continue;
    }
    const parent = t.parent === undefined ? undefined : rename(t.parent);
    tags.push({ ...t, ...(parent !== undefined && { parent }) });
  }
  // A tag's parent may now be itself (a merged child of `into`): it goes to the top instead.
  const fixed = tags.map(({ parent, ...t }) => (parent !== undefined && tagKey(parent) !== tagKey(t.name) ? { ...t, parent } : t));
  const memos: Memo[] = [];
  for (const m of codebook.memos ?? []) {
    if (m.tag === undefined || (!fromKeys.has(tagKey(m.tag)) && tagKey(m.tag) !== intoKey)) {
      memos.push({ ...m });
      continue;
    }
    const there = memos.find((x) => x.tag !== undefined && tagKey(x.tag) === intoKey);
    if (there) there.text = `${there.text}\n\n${m.text}`;
    else memos.push({ ...m, tag: target.name });
  }
  return checked({ ...codebook, tags: fixed, memos });
}

/** Adds the tags a codebook lacks (for an import): existing tags keep their colour and description. */
export function withTags(codebook: Codebook, tags: readonly CodebookTag[]): Codebook {
  let next = codebook;
  for (const t of tags) if (!findTag(next, t.name)) next = { ...next, tags: [...next.tags, t] };
  return checked(next);
}
