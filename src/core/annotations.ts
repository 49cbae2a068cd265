// The annotations (tags and notes on paragraphs) of one document, kept anchored to its text. No vscode
// here: the extension feeds in edits and text, and listens for changes. Offsets are UTF-16.
import { randomUUID } from 'node:crypto';
import { makeTarget, reanchor, rebaseOnEdits, type TextChange } from './anchoring';
import type { Annotation, AnnotationTarget, Span } from './types';

export interface StoredAnnotation extends Annotation {
  /**
   * Its text could not be found. `target` keeps where and what it last was, so a later text (an undo,
   * a reverted file) can bring it back; an orphan is never dropped silently.
   */
  orphaned?: boolean;
}

/** Ids of the annotations that changed in one operation. */
export interface AnnotationStoreEvent {
  added: readonly string[];
  updated: readonly string[];
  removed: readonly string[];
}

/** What a merge did with the incoming annotations. */
export interface MergeCounts {
  /** New ids, on spans no annotation had. */
  added: number;
  /** The same id: the incoming annotation replaced the one there. */
  replaced: number;
  /** Another id on exactly the span of one there: its tags and note joined that one. */
  merged: number;
}

export interface AnnotationStoreOptions {
  /** Clock for created/modified (tests pass a fixed one). */
  now?: () => Date;
  newId?: () => string;
}

export class AnnotationStore {
  private readonly byId = new Map<string, StoredAnnotation>();
  /** Orphaned by an edit since the last sync: worth one approximate search (a rewritten line). */
  private readonly freshOrphans = new Set<string>();
  private readonly listeners = new Set<(event: AnnotationStoreEvent) => void>();
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(annotations: readonly StoredAnnotation[] = [], options: AnnotationStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    for (const a of annotations) this.byId.set(a.id, a);
  }

  /** Every annotation, anchored ones in document order, then orphans. */
  list(): StoredAnnotation[] {
    return [...this.byId.values()].sort(
      (a, b) => Number(!!a.orphaned) - Number(!!b.orphaned) || a.target.start - b.target.start || a.target.end - b.target.end,
    );
  }

  /** How many annotations there are, orphans included (list().length without the copy and sort). */
  get size(): number {
    return this.byId.size;
  }

  /** The annotations whose text is in the document (what to decorate, or export). */
  anchored(): StoredAnnotation[] {
    return this.list().filter((a) => !a.orphaned);
  }

  get(id: string): StoredAnnotation | undefined {
    return this.byId.get(id);
  }

  /** Anchored annotations overlapping [start, end); for an empty range, those containing or touching it. */
  findInRange(start: number, end: number): StoredAnnotation[] {
    return this.anchored().filter(({ target: t }) =>
      start === end ? t.start <= start && start <= t.end : t.start < end && start < t.end,
    );
  }

  /** Tags by last use, most recent first: from annotations by modification time, latest-added tag first. */
  recentTags(limit = 10): string[] {
    const recent = new Set<string>();
    const byModified = [...this.byId.values()].sort((a, b) => Date.parse(b.modified) - Date.parse(a.modified));
    for (const a of byModified) for (const tag of [...a.tags].reverse()) recent.add(tag);
    return [...recent].slice(0, limit);
  }

  /**
   * Adds tags to each paragraph of `text`. A paragraph that already has an annotation (one overlapping
   * it) gets the tags merged into that one. Returns the annotation of each paragraph.
   */
  tagParagraphs(text: string, paragraphs: readonly Span[], tags: readonly string[]): StoredAnnotation[] {
    const wanted = normalizeTags(tags);
    const added: string[] = [];
    const updated = new Set<string>();
    const results = new Map<string, StoredAnnotation>();
    for (const p of paragraphs) {
      if (wanted.length === 0 || p.end <= p.start) continue;
      let a = this.paragraphAnnotation(p);
      if (!a) {
        a = { ...this.create(text, p), tags: wanted };
        this.byId.set(a.id, a);
        added.push(a.id);
      } else {
        const missing = wanted.filter((t) => !a!.tags.includes(t));
        if (missing.length > 0) {
          a = { ...a, tags: [...a.tags, ...missing], modified: this.stamp() };
          this.byId.set(a.id, a);
          if (!added.includes(a.id)) updated.add(a.id);
        }
      }
      results.set(a.id, a);
    }
    this.emit({ added, updated: [...updated] });
    return [...results.values()];
  }

  /** Sets the note of a paragraph's annotation, creating one if it has none; see setNote. */
  setParagraphNote(text: string, paragraph: Span, note: string | undefined): StoredAnnotation | undefined {
    const existing = this.paragraphAnnotation(paragraph);
    if (existing) return this.setNote(existing.id, note);
    const created = withNote(this.create(text, paragraph), note);
    if (created.note === undefined) return undefined;
    this.byId.set(created.id, created);
    this.emit({ added: [created.id] });
    return created;
  }

  /** Sets or, with an empty note, clears the note; an annotation left with no tags and no note goes. */
  setNote(id: string, note: string | undefined): StoredAnnotation | undefined {
    const a = this.byId.get(id);
    return a && this.replace(withNote(a, note), a);
  }

  /** Removes one tag; an annotation left with no tags and no note goes (returns undefined then). */
  removeTag(id: string, tag: string): StoredAnnotation | undefined {
    const a = this.byId.get(id);
    return a && this.replace({ ...a, tags: a.tags.filter((t) => t !== tag) }, a);
  }

  remove(id: string): boolean {
    if (!this.byId.delete(id)) return false;
    this.forget(id);
    this.emit({ removed: [id] });
    return true;
  }

  /**
   * Adds annotations from elsewhere (an import), offsets already for this document's text. The same id
   * replaces the annotation; an anchored one on exactly the span of an existing one is merged into it.
   */
  merge(incoming: readonly StoredAnnotation[]): MergeCounts {
    const added: string[] = [];
    const updated: string[] = [];
    let replaced = 0;
    let merged = 0;
    // Anchored annotations by exact span, built once: looking each one up in a sorted list made a large
    // import quadratic (32k annotations took seconds).
    const bySpan = new Map<string, string[]>();
    const spanKey = (a: StoredAnnotation) => `${a.target.start}:${a.target.end}`;
    const index = (a: StoredAnnotation) => {
      if (a.orphaned) return;
      const ids = bySpan.get(spanKey(a));
      if (ids) ids.push(a.id);
      else bySpan.set(spanKey(a), [a.id]);
    };
    const unindex = (a: StoredAnnotation) => {
      const ids = bySpan.get(spanKey(a));
      const at = ids?.indexOf(a.id) ?? -1;
      if (at >= 0) ids!.splice(at, 1);
    };
    for (const a of this.byId.values()) index(a);
    for (const a of incoming) {
      const spanId = a.orphaned ? undefined : bySpan.get(spanKey(a))?.[0];
      const same = this.byId.get(a.id) ?? (spanId === undefined ? undefined : this.byId.get(spanId));
      if (!same) {
        this.byId.set(a.id, a);
        index(a);
        added.push(a.id);
      } else if (same.id === a.id) {
        unindex(same);
        this.byId.set(a.id, a);
        index(a);
        this.forget(a.id);
        updated.push(a.id);
        replaced++;
      } else {
        const modified = Date.parse(a.modified) > Date.parse(same.modified) ? a.modified : same.modified;
        this.byId.set(same.id, { ...joined(same, a), modified });
        updated.push(same.id);
        merged++;
      }
    }
    this.emit({ added, updated });
    return { added: added.length, replaced, merged };
  }

  /**
   * Anchors an annotation (typically an orphan) at `span` of `text`, where the user says its text now
   * is. If another anchored annotation has exactly that span, the two become one: the tags and note join
   * that one and `id` goes. Returns the annotation at the span; undefined if there is no annotation `id`.
   */
  reattach(id: string, text: string, span: Span): StoredAnnotation | undefined {
    const a = this.byId.get(id);
    if (!a) return undefined;
    if (span.end <= span.start) throw new RangeError(`cannot attach an annotation to the empty span ${span.start}..${span.end}`);
    const target = makeTarget(text, span.start, span.end);
    this.forget(id);
    const same = [...this.byId.values()].find(
      (b) => b.id !== id && !b.orphaned && b.target.start === span.start && b.target.end === span.end,
    );
    if (same) {
      const next = { ...joined(same, a), target, modified: this.stamp() };
      this.byId.delete(id);
      this.byId.set(same.id, next);
      this.emit({ updated: [same.id], removed: [id] });
      return next;
    }
    const next = { ...anchoredAt(a, target), modified: this.stamp() };
    this.byId.set(id, next);
    this.emit({ updated: [id] });
    return next;
  }

  /**
   * Follows the document through edits (VS Code's content changes of one event), cheaply: no text
   * needed. Annotations whose whole text went are orphaned. Call `sync` with the text when idle.
   */
  applyEdits(changes: readonly TextChange[]): void {
    const anchored = [...this.byId.values()].filter((a) => !a.orphaned);
    const rebased = rebaseOnEdits(
      anchored.map((a) => a.target),
      changes,
    );
    const orphaned: string[] = [];
    anchored.forEach((a, i) => {
      const span = rebased[i];
      if (!span) {
        this.byId.set(a.id, { ...a, orphaned: true });
        this.freshOrphans.add(a.id);
        orphaned.push(a.id);
      } else if (span.start !== a.target.start || span.end !== a.target.end) {
        this.byId.set(a.id, { ...a, target: { ...a.target, start: span.start, end: span.end } });
      }
    });
    this.emit({ updated: orphaned });
  }

  /**
   * Brings quotes and their context up to date with `text` (the document after the edits given to
   * applyEdits) and tries to bring orphans back: those orphaned since the last sync approximately (a
   * line rewritten by a diff, say), older ones only if their text reappears verbatim (an undo), which
   * is cheap.
   */
  sync(text: string): void {
    for (const a of this.byId.values()) {
      if (a.orphaned) continue;
      const { start, end } = a.target;
      if (end <= text.length) {
        this.byId.set(a.id, { ...a, target: makeTarget(text, start, end) });
      } else {
        this.byId.set(a.id, { ...a, orphaned: true }); // a text from another version: search for it
        this.freshOrphans.add(a.id);
      }
    }
    const revived: string[] = [];
    for (const a of this.byId.values()) {
      if (!a.orphaned) continue;
      // The edits deleted its text: only its own words with their context bring it back, not the same
      // words typed elsewhere.
      const found = reanchor(text, a.target, { fuzzy: this.freshOrphans.has(a.id), unique: false });
      if (found) {
        this.byId.set(a.id, anchoredAt(a, makeTarget(text, found.start, found.end)));
        revived.push(a.id);
      }
    }
    this.freshOrphans.clear();
    this.emit({ updated: revived });
  }

  /**
   * Finds every annotation again in `text`, which may differ in any way from the text the store last
   * saw (loaded from a sidecar, changed on disk). Returns the annotations left orphaned; they are kept.
   */
  reanchorAll(text: string): StoredAnnotation[] {
    const updated: string[] = [];
    for (const a of this.byId.values()) {
      // (An orphan's text was deleted: the same words found once elsewhere are not it, as in sync.)
      const found = reanchor(text, a.target, a.orphaned ? { unique: false } : {});
      const next = found ? anchoredAt(a, makeTarget(text, found.start, found.end)) : { ...a, orphaned: true };
      if (!!a.orphaned !== !!next.orphaned || !sameTarget(a, next)) updated.push(a.id);
      this.byId.set(a.id, next);
    }
    this.freshOrphans.clear();
    this.emit({ updated });
    return this.list().filter((a) => a.orphaned);
  }

  /** Listens for changes; returns a function that stops listening. */
  onDidChange(listener: (event: AnnotationStoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The anchored annotation sharing the most text with the paragraph, if any. */
  private paragraphAnnotation(p: Span): StoredAnnotation | undefined {
    let best: StoredAnnotation | undefined;
    let bestOverlap = 0;
    for (const a of this.findInRange(p.start, p.end)) {
      const overlap = Math.min(a.target.end, p.end) - Math.max(a.target.start, p.start);
      if (overlap > bestOverlap) [best, bestOverlap] = [a, overlap];
    }
    return best;
  }

  private create(text: string, p: Span): StoredAnnotation {
    const stamp = this.stamp();
    return { id: this.newId(), tags: [], target: makeTarget(text, p.start, p.end), created: stamp, modified: stamp };
  }

  /** Stores an edited annotation, or removes it if nothing is left of it. */
  private replace(next: StoredAnnotation, previous: StoredAnnotation): StoredAnnotation | undefined {
    if (next.tags.length === 0 && next.note === undefined) {
      this.remove(next.id);
      return undefined;
    }
    if (next.tags.length === previous.tags.length && next.note === previous.note) return previous;
    const stamped = { ...next, modified: this.stamp() };
    this.byId.set(next.id, stamped);
    this.emit({ updated: [next.id] });
    return stamped;
  }

  private forget(id: string): void {
    this.freshOrphans.delete(id);
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  private emit(event: Partial<AnnotationStoreEvent>): void {
    const full = { added: event.added ?? [], updated: event.updated ?? [], removed: event.removed ?? [] };
    if (full.added.length + full.updated.length + full.removed.length === 0) return;
    for (const listener of [...this.listeners]) listener(full);
  }
}

/** Trimmed, non-empty, each once, in first-use order. */
function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];
}

/** `into` with the tags and note of `from` added (notes that differ are kept, one after the other). */
function joined(into: StoredAnnotation, from: StoredAnnotation): StoredAnnotation {
  const notes = [...new Set([into.note, from.note].filter((n): n is string => !!n))];
  return { ...into, tags: normalizeTags([...into.tags, ...from.tags]), ...(notes.length > 0 && { note: notes.join('\n\n') }) };
}

/** A note of only white space is no note. */
function withNote(a: StoredAnnotation, note: string | undefined): StoredAnnotation {
  const { note: _old, ...rest } = a;
  return note !== undefined && note.trim() !== '' ? { ...rest, note } : rest;
}

function sameTarget(a: Annotation, b: Annotation): boolean {
  const [s, t] = [a.target, b.target];
  return s.start === t.start && s.end === t.end && s.exact === t.exact && s.prefix === t.prefix && s.suffix === t.suffix;
}

/** The annotation, no longer orphaned, at `target`. */
function anchoredAt(a: StoredAnnotation, target: AnnotationTarget): StoredAnnotation {
  const { orphaned: _was, ...rest } = a;
  return { ...rest, target };
}
