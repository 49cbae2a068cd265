// Chinese word segmentation with part-of-speech tags, from nodejieba. STUB — being written.

export interface Token {
  word: string;
  /** ICTCLAS-style part-of-speech tag: n, ns, nz, v, x (unknown word), … */
  tag: string;
}

export interface Segmenter {
  tag(text: string): Token[];
}

/** Loads nodejieba with the report dictionary. Throws an Error saying why when it cannot. STUB. */
export function loadJiebaSegmenter(): Segmenter {
  throw new Error('word segmentation is not built yet');
}
