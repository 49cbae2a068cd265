// The byte order mark: editors on Windows (Notepad among them) put U+FEFF at the start of UTF-8 files.
// It is not part of the text, so every reader of ours drops it in one place: here.

/** `text` without a leading U+FEFF (byte order mark), if it has one. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
