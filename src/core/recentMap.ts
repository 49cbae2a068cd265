// A map that forgets what was not asked for in the last two passes: the caches of an incremental analysis
// (paragraph results by paragraph text, a line's project mentions by line text) keep what an edit left as it
// was, and drop what it replaced, without a size bound to tune.

export class RecentMap<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  /** The value from this pass or the last; found in the last, it is kept for this one too. */
  get(key: string): V | undefined {
    // (Found in this pass, it is not set again: a second look-up, and a comparison of the whole key, for nothing.)
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const kept = this.previous.get(key);
    if (kept !== undefined) this.current.set(key, kept);
    return kept;
  }

  set(key: string, value: V): void {
    this.current.set(key, value);
  }

  /** Ends a pass: what was not asked for in it or the one before is forgotten. */
  sweep(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  clear(): void {
    this.current = new Map();
    this.previous = new Map();
  }
}
