// Reading a report from bytes: reject what is not a text report with a message a user can act on.

export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

/** Larger texts are refused: no government report comes near this, and analysis time grows with size. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;

/** Decodes UTF-8 (BOM dropped). Throws ReportInputError for empty, binary, non-UTF-8 or huge input. */
export function decodeReport(bytes: Uint8Array, name = 'input'): string {
  if (bytes.length === 0) throw new ReportInputError(`${name}: the file is empty`);
  if (bytes.length > MAX_REPORT_BYTES) {
    throw new ReportInputError(
      `${name}: the file is ${(bytes.length / 1048576).toFixed(1)} MiB; reports larger than ${MAX_REPORT_BYTES / 1048576} MiB are not analysed`,
    );
  }
  const probe = bytes.subarray(0, 65536);
  if (probe.includes(0)) throw new ReportInputError(`${name}: the file is binary (it contains NUL bytes), not a text report`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReportInputError(`${name}: the file is not valid UTF-8 text; convert it to UTF-8 first (e.g. iconv -f GB18030 -t UTF-8)`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ReportInputError(`${name}: the file holds only white space`);
  return text;
}
