// Agreement between two coders at paragraph level: a paragraph is coded with tag T by a coder if any of
// that coder's annotations with T overlaps it. Per tag, each paragraph is one binary decision (T or not);
// overall, every (paragraph, tag) decision is pooled into one binary data set. Cohen's kappa and
// Krippendorff's alpha (nominal) for each, the paragraphs where the coders' tags differ side by side,
// and which reports were compared and which left out (in one set only; the copies' texts differ).
import { cohenKappa, krippendorffAlphaNominal, percentAgreement } from './agreementStats';
import { normalizeTagName, tagKey } from './tagNames';
import { compareCodeUnits } from '../text';

/** One coder's work on one report. Offsets are code points. */
export interface CoderReport {
  /** The report's path (or export uri): what matches it with the other coder's. */
  path: string;
  /** SHA-256 of its text, if known: two copies whose hashes differ are not compared. */
  sha256?: string;
  /** Its text, if known (for quoting the paragraphs where coders differ). */
  text?: string;
  paragraphs: readonly { start: number; end: number }[];
  annotations: readonly { tags: readonly string[]; start: number; end: number }[];
}

export interface CoderSet {
  label: string;
  reports: readonly CoderReport[];
}

export interface Coefficients {
  /** Units (decisions) compared. */
  units: number;
  /** Share of units the coders agree on. */
  agreement: number | null;
  kappa: number | null;
  alpha: number | null;
}

export interface TagAgreement extends Coefficients {
  tag: string;
  /** Paragraphs coded with the tag by A, by B, by both. */
  a: number;
  b: number;
  both: number;
}

export interface Disagreement {
  report: string;
  /** 0-based index of the paragraph in its report. */
  paragraph: number;
  start: number;
  end: number;
  /** The paragraph's text, where the report's text is known. */
  text?: string;
  a: string[];
  b: string[];
}

export interface AgreementResult {
  a: string;
  b: string;
  compared: string[];
  leftOut: { report: string; reason: string }[];
  paragraphs: number;
  tags: TagAgreement[];
  overall: Coefficients;
  disagreements: Disagreement[];
}

/** Compares the two coders over the reports both coded. */
export function compareCoders(a: CoderSet, b: CoderSet): AgreementResult {
  const bByPath = new Map(b.reports.map((r) => [r.path, r]));
  const aPaths = new Set(a.reports.map((r) => r.path));
  const compared: [CoderReport, CoderReport][] = [];
  const leftOut: AgreementResult['leftOut'] = [];
  for (const ra of a.reports) {
    const rb = bByPath.get(ra.path);
    if (!rb) leftOut.push({ report: ra.path, reason: `only in ${a.label}` });
    else if (ra.sha256 !== undefined && rb.sha256 !== undefined && ra.sha256 !== rb.sha256) {
      leftOut.push({ report: ra.path, reason: `the two copies of the report differ (SHA-256 ${ra.sha256.slice(0, 12)}… and ${rb.sha256.slice(0, 12)}…)` });
    } else compared.push([ra, rb]);
  }
  for (const rb of b.reports) if (!aPaths.has(rb.path)) leftOut.push({ report: rb.path, reason: `only in ${b.label}` });

  // Per paragraph, the tag keys each coder gave it.
  const names = new Map<string, string>();
  const units: { report: CoderReport; index: number; a: Set<string>; b: Set<string> }[] = [];
  for (const [ra, rb] of compared) {
    const paragraphs = ra.paragraphs.length > 0 ? ra.paragraphs : rb.paragraphs;
    const tagsA = paragraphTags(paragraphs, ra.annotations, names);
    const tagsB = paragraphTags(paragraphs, rb.annotations, names);
    paragraphs.forEach((_, i) => units.push({ report: ra.text !== undefined ? ra : rb, index: i, a: tagsA[i], b: tagsB[i] }));
  }
  const keys = [...names.keys()].sort((x, y) => compareCodeUnits(names.get(x)!, names.get(y)!));

  const pooledA: boolean[] = [];
  const pooledB: boolean[] = [];
  const tags: TagAgreement[] = keys.map((key) => {
    const va = units.map((u) => u.a.has(key));
    const vb = units.map((u) => u.b.has(key));
    pooledA.push(...va);
    pooledB.push(...vb);
    return {
      tag: names.get(key)!,
      ...coefficients(va, vb),
      a: va.filter(Boolean).length,
      b: vb.filter(Boolean).length,
      both: va.filter((v, i) => v && vb[i]).length,
    };
  });
  const disagreements: Disagreement[] = [];
  for (const u of units) {
    const onlyOne = [...u.a].some((k) => !u.b.has(k)) || [...u.b].some((k) => !u.a.has(k));
    if (!onlyOne) continue;
    const p = u.report.paragraphs.length > 0 ? u.report.paragraphs[u.index] : undefined;
    const range = p ?? { start: 0, end: 0 };
    disagreements.push({
      report: u.report.path,
      paragraph: u.index,
      start: range.start,
      end: range.end,
      ...(u.report.text !== undefined && { text: [...u.report.text].slice(range.start, range.end).join('') }),
      a: sortedNames(u.a, names),
      b: sortedNames(u.b, names),
    });
  }
  return {
    a: a.label,
    b: b.label,
    compared: compared.map(([r]) => r.path),
    leftOut,
    paragraphs: units.length,
    tags,
    overall: coefficients(pooledA, pooledB),
    disagreements,
  };
}

function coefficients(a: boolean[], b: boolean[]): Coefficients {
  return { units: a.length, agreement: percentAgreement(a, b), kappa: cohenKappa(a, b), alpha: krippendorffAlphaNominal([a, b]) };
}

/** For each paragraph, the keys of the tags of the annotations overlapping it (an empty paragraph: touching it). */
function paragraphTags(
  paragraphs: readonly { start: number; end: number }[],
  annotations: CoderReport['annotations'],
  names: Map<string, string>,
): Set<string>[] {
  return paragraphs.map((p) => {
    const keys = new Set<string>();
    for (const a of annotations) {
      const overlaps = p.start === p.end ? a.start <= p.start && p.start <= a.end : a.start < p.end && p.start < a.end && a.start < a.end;
      if (!overlaps) continue;
      for (const t of a.tags) {
        const key = tagKey(t);
        if (key === '') continue;
        if (!names.has(key)) names.set(key, normalizeTagName(t));
        keys.add(key);
      }
    }
    return keys;
  });
}

const sortedNames = (keys: Set<string>, names: Map<string, string>) => [...keys].map((k) => names.get(k)!).sort();
