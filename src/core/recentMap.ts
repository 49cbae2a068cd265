// A map that forgets what was not asked for in the last two passes: the caches of an incremental analysis
// (paragraph results by paragraph text, a line's project mentions by line text) keep what an edit left as it
// was, and drop what it replaced, without a size bound to tune.

export class RecentMap<V> {
  private current = new Generation<V>();
  private previous = new Generation<V>();

  /** The value from this pass or the last; found in the last, it is kept for this one too. */
  get(key: string): V | undefined {
    const print = fingerprint(key);
    // (Found in this pass, it is not set again: a second look-up, and a comparison of the whole key, for nothing.)
    const hit = this.current.get(key, print);
    if (hit !== undefined) return hit;
    const kept = this.previous.get(key, print);
    if (kept !== undefined) this.current.set(key, print, kept);
    return kept;
  }

  set(key: string, value: V): void {
    this.current.set(key, fingerprint(key), value);
  }

  /** Ends a pass: what was not asked for in it or the one before is forgotten. */
  sweep(): void {
    this.previous = this.current;
    this.current = new Generation();
  }

  clear(): void {
    this.current = new Generation();
    this.previous = new Generation();
  }
}

/**
 * A key's length and eight of its characters spread over it, mixed into a small integer. The keys are lines and
 * paragraphs, new strings each pass: a Map by the string hashed every character of each (two thirds of the look-ups'
 * time), where keys that differ mostly differ in length or in one of these.
 */
function fingerprint(key: string): number {
  const n = key.length;
  const step = (n - 1) / 7;
  let h = n;
  for (let k = 0; k < 8; k++) h = Math.imul(h ^ (key.charCodeAt((step * k) | 0) | 0), 0x9e3779b1);
  return h >>> 2; // (a V8 small integer: no heap number for the Map's key)
}

/** Keys with one fingerprint compared in turn, at most this many; more go to a Map by the string (a crafted text's). */
const MAX_CHAIN = 8;

interface Entry<V> {
  readonly key: string;
  value: V;
  readonly next: Entry<V> | undefined;
}

/** One pass's entries: by fingerprint, each a chain of the keys that have it, compared whole (one read, no hashing). */
class Generation<V> {
  private readonly chains = new Map<number, Entry<V>>();
  private readonly overflow = new Map<string, V>();

  get(key: string, print: number): V | undefined {
    for (let e = this.chains.get(print); e !== undefined; e = e.next) if (e.key === key) return e.value;
    return this.overflow.size > 0 ? this.overflow.get(key) : undefined;
  }

  set(key: string, print: number, value: V): void {
    const head = this.chains.get(print);
    let length = 0;
    for (let e = head; e !== undefined; e = e.next, length++) {
      if (e.key === key) {
        e.value = value;
        return;
      }
    }
    if (length < MAX_CHAIN) this.chains.set(print, { key, value, next: head });
    else this.overflow.set(key, value);
  }
}
