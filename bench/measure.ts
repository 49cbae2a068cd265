// The arithmetic and the text every part of the bench shares.
import { folderReports } from '../test/unit/corpus';

/** The middle value (the upper of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Throughput in MB/s (1 MB = 2^20 bytes). */
export function mbPerSecond(bytes: number, ms: number): number {
  return bytes / (1024 * 1024) / (ms / 1000);
}

/** The corpus reports, repeated until the text holds at least `bytes` of UTF-8. */
export function corpusOf(bytes: number): string {
  const reports = folderReports('corpus');
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    for (const r of reports) {
      parts.push(r);
      size += Buffer.byteLength(r) + 1;
    }
  }
  return parts.join('\n');
}
