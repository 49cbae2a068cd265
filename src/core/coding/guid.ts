// GUIDs for the REFI-QDA exchange: our annotation ids are UUIDs already; everything else (codes, sources,
// notes, codings) gets a name-based UUID (version 5 layout, SHA-1), so the same project exports the same
// GUIDs every time and a re-import recognises its own.
import { createHash } from 'node:crypto';

const GUID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

/** Whether the text is a GUID as REFI-QDA's GUIDType has it (with or without braces). */
export function isGuid(text: string): boolean {
  return GUID.test(text);
}

/** A GUID in our form: lower case, no braces. */
export function canonicalGuid(guid: string): string {
  return guid.replace(/^\{|\}$/g, '').toLowerCase();
}

/** A UUID made from the parts: the same parts give the same UUID. */
export function guidFor(...parts: string[]): string {
  const h = createHash('sha1').update(`report-annotator\u0000${parts.join('\u0000')}`, 'utf8').digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
