// Importing an AnnotationSet (spec.md). Everything is checked before anything is returned, so an import
// applies whole or not at all; the caller merges the result into each document's AnnotationStore.
import { makeTarget, reanchor, targetFromCodePoints } from './anchoring';
import type { StoredAnnotation } from './annotations';
import { sha256 } from './exportSet';
import { OffsetMap } from './offsets';
import { type AnnotationSet, parseAnnotationSet, parseJsonText, SchemaError } from './schema';

export interface ImportedDocument {
  uri: string;
  /** UTF-16 offsets into the document's current text; those not found there are flagged orphaned. */
  annotations: StoredAnnotation[];
  /** The text is not the exported one, so the annotations were found again by their quotes. */
  textChanged: boolean;
}

/** The current text of the document the export calls `uri`, or undefined if there is none. */
export type TextLookup = (uri: string) => string | undefined;

/**
 * Parses and checks an AnnotationSet's JSON. Throws JsonSyntaxError (with line and column) if it is not
 * JSON, SchemaError naming each wrong field (documents[0].annotations[2].target.start) otherwise.
 */
export function parseAnnotationSetJson(json: string): AnnotationSet {
  return parseAnnotationSet(parseJsonText(json));
}

/**
 * The annotations of each document of the set, for the documents' current texts. Beyond the schema it
 * checks that every document exists, ids are unique, offsets lie within the document and, where the
 * text is the exported one (same SHA-256), that each quote is the text at its offsets.
 */
export function importAnnotationSet(json: string, textOf: TextLookup): ImportedDocument[] {
  const set = parseAnnotationSetJson(json);
  const issues: { path: string; message: string }[] = [];
  const uris = new Set<string>();
  const documents = set.documents.map((doc, d) => {
    const at = `documents[${d}]`;
    if (uris.has(doc.uri)) issues.push({ path: `${at}.uri`, message: `${doc.uri} appears twice` });
    uris.add(doc.uri);
    const text = textOf(doc.uri);
    if (text === undefined) {
      issues.push({ path: `${at}.uri`, message: `no such document: ${doc.uri}` });
      return undefined;
    }
    const map = new OffsetMap(text);
    const unchanged = doc.sha256 === sha256(text);
    if (unchanged && doc.length !== map.codePointLength) {
      issues.push({ path: `${at}.length`, message: `is ${doc.length}, but the document has ${map.codePointLength}` });
    }
    const ids = new Set<string>();
    doc.annotations.forEach(({ id, target }, i) => {
      const field = `${at}.annotations[${i}]`;
      if (ids.has(id)) issues.push({ path: `${field}.id`, message: `${id} appears twice` });
      ids.add(id);
      const beyond = target.start > doc.length ? 'start' : target.end > doc.length ? 'end' : undefined;
      if (beyond) {
        issues.push({ path: `${field}.target.${beyond}`, message: `is beyond the document's length (${doc.length})` });
      } else if (unchanged && text.slice(map.toUtf16(target.start), map.toUtf16(target.end)) !== target.exact) {
        issues.push({ path: `${field}.target.exact`, message: 'is not the text at target.start..target.end' });
      }
    });
    return { doc, text, map, unchanged };
  });
  if (issues.length > 0) throw new SchemaError(issues);

  return documents.map((prepared) => {
    const { doc, text, map, unchanged } = prepared!;
    return {
      uri: doc.uri,
      textChanged: !unchanged,
      annotations: doc.annotations.map((a): StoredAnnotation => {
        const target = targetFromCodePoints(a.target, map);
        const found = unchanged ? target : reanchor(text, target);
        return found ? { ...a, target: makeTarget(text, found.start, found.end) } : { ...a, target, orphaned: true };
      }),
    };
  });
}
