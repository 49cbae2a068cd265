// Canonical indicators (spec.md, "Indicators"): the shipped table (data/indicators.json, data rather than code)
// and users' additions, and the lookup from what a figure measures (全年国内生产总值) to a key (gdp).
import { readFileSync } from 'node:fs';
import SHIPPED from '../../data/indicators.json';
import { type IndicatorEntry, parseJsonText, schemas } from './schema';
import type { FigureKind } from './types';

export type { IndicatorEntry } from './schema';

/** A table that does not parse or validate; the message names the source and the entry. */
export class IndicatorTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndicatorTableError';
  }
}

/** Words after the name that say what is said of it, not what it is (国内生产总值增速, 经济增长预期目标). */
const TRAILING = /(?:的|之|增速|速度|增幅|增长率|年均|平均|宏观调控目标|预期目标|调控目标|目标|预期|计划|指标|定为|定在|设定|确定|定)*$/;
const PAIR = /[和与及、]/;
/** A name this long is specific enough to match after any words. */
const LONG_NAME = 5;
/** What may stand before a short name: scope, time, verbs of stating (全年, 我国, 提出今年, “十五五”时期). */
const SCOPE_PREFIX =
  /^(?:全国|全省|全市|全区|全县|全州|全旗|全盟|我国|我省|我市|我区|我县|本省|本市|本区|今年|全年|去年|当年|上年|明年|年均|年度|期间|.{0,6}时期|中央提出|提出|确定|计划|预计|实现|完成|包括|现在|其中|力争|确保|要|使|和|及)*$/;

export class IndicatorTable {
  readonly entries: readonly IndicatorEntry[];
  private readonly byKey = new Map<string, IndicatorEntry>();
  /** Every name and synonym with its entry, longest first: the longest one an indicator contains wins. */
  private readonly words: { word: string; entry: IndicatorEntry }[] = [];
  private readonly memo = new Map<string, IndicatorEntry | null>();

  constructor(entries: readonly IndicatorEntry[]) {
    this.entries = entries;
    for (const e of entries) this.byKey.set(e.key, e);
    for (const e of entries) for (const word of new Set([e.name, ...e.synonyms])) this.words.push({ word: word.toUpperCase(), entry: e });
    this.words.sort((a, b) => b.word.length - a.word.length);
  }

  get keys(): string[] {
    return this.entries.map((e) => e.key);
  }

  entry(key: string): IndicatorEntry | undefined {
    return this.byKey.get(key);
  }

  /**
   * The key of what `indicator` measures, if the table knows it and takes figures of `kind`:
   * 全年国内生产总值 → gdp, 单位国内生产总值能耗 → energyIntensity (the longer name wins over 国内生产总值).
   * The name must end the indicator (服务业在国内生产总值中的比重, GDP综合贡献率 measure something else), once
   * words such as 增速, 预期目标 are dropped; before a short name (生产总值, 出口) only a scope, time or verb may
   * stand (农业生产总值, 机电产品出口 are other indicators), before a long one anything (南疆五地州地区生产总值).
   */
  keyOf(indicator: string, kind: FigureKind): string | undefined {
    let entry = this.memo.get(indicator);
    if (entry === undefined) {
      const core = indicator.toUpperCase().replace(TRAILING, '').replace(/(?<!经济)增长$/, '');
      const found = this.words.find((w) => core.endsWith(w.word));
      const before = found ? core.slice(0, core.length - found.word.length) : '';
      // 城镇和农村居民人均可支配收入: a pair names two indicators, neither alone.
      const ok = found && !PAIR.test(before) && (found.word.length >= LONG_NAME || SCOPE_PREFIX.test(before));
      entry = ok ? found.entry : null;
      if (this.memo.size > 50_000) this.memo.clear(); // bounded: indicators repeat, crafted texts need not
      this.memo.set(indicator, entry);
    }
    return entry && entry.kinds.includes(kind) ? entry.key : undefined;
  }
}

/** Validates entries from `source` (a file name, a setting's name); throws IndicatorTableError naming the entry. */
export function parseIndicatorEntries(value: unknown, source: string): IndicatorEntry[] {
  const { IndicatorFileSchema, IndicatorEntrySchema } = schemas();
  const file = IndicatorFileSchema.safeParse(value);
  if (!file.success) throw new IndicatorTableError(`${source}: not an indicator table: an array of entries or { "indicators": [...] } is expected`);
  const raw = Array.isArray(file.data) ? file.data : file.data.indicators;
  return raw.map((item, i) => {
    const r = IndicatorEntrySchema.safeParse(item);
    if (r.success) return r.data;
    const key = typeof (item as { key?: unknown })?.key === 'string' ? ` ("${(item as { key: string }).key}")` : '';
    const issues = r.error.issues.map((x) => `${x.path.join('.') || '(entry)'}: ${x.message}`).join('; ');
    throw new IndicatorTableError(`${source}: indicator entry ${i}${key}: ${issues}`);
  });
}

/** Reads a table file (JSON); throws IndicatorTableError for a file that cannot be read, parsed or validated. */
export function readIndicatorFile(path: string): IndicatorEntry[] {
  let json: unknown;
  try {
    json = parseJsonText(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new IndicatorTableError(`${path}: ${(err as Error).message}`);
  }
  return parseIndicatorEntries(json, path);
}

/** The shipped entries, validated (a broken data file fails loudly, naming the entry). */
export function shippedIndicators(): IndicatorEntry[] {
  return parseIndicatorEntries(SHIPPED, 'data/indicators.json');
}

/**
 * The shipped entries as the bundle holds them, without validating them again: the table every analysis starts
 * from, and validating it loaded zod (its schema library) on the way to a worker's first results. A unit test checks
 * that it is what shippedIndicators validates.
 */
export function shippedEntries(): IndicatorEntry[] {
  return (SHIPPED.indicators as Partial<IndicatorEntry>[]).map((e) => ({ ...e, synonyms: e.synonyms ?? [] }) as IndicatorEntry);
}

/**
 * The shipped table with users' entries merged in, in order: an entry with a new key is added; one with a
 * shipped (or earlier) key keeps that entry's synonyms and adds its own, and its name, English name and kinds
 * replace the earlier ones. Extra sources come from the setting, report-annotator.indicators.json, --indicators.
 */
export function loadIndicatorTable(...extra: readonly IndicatorEntry[][]): IndicatorTable {
  const merged = new Map<string, IndicatorEntry>();
  for (const e of shippedEntries()) merged.set(e.key, e);
  for (const entries of extra) {
    for (const e of entries) {
      const before = merged.get(e.key);
      const synonyms = before ? [...new Set([before.name, ...before.synonyms, ...e.synonyms])].filter((w) => w !== e.name) : e.synonyms;
      merged.set(e.key, { ...e, synonyms });
    }
  }
  return new IndicatorTable([...merged.values()]);
}

let defaultTable: IndicatorTable | undefined;

/** The shipped table, built once. */
export function defaultIndicatorTable(): IndicatorTable {
  return (defaultTable ??= loadIndicatorTable());
}
