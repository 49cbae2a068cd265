// The grammar VS Code loads (dist/govreport.tmLanguage.json), made by the build from the one we edit
// (syntaxes/govreport.tmLanguage.json): each list of rules becomes one regular expression per run of rules
// that can be merged, behind a look-ahead of the characters a match can start with.
//
// Why: vscode-oniguruma tries each rule of a list at each place of the line (a set of regular expressions searched
// together, or on a long line each on its own with its last result kept), and works in UTF-8, where every Chinese
// character starts with one of six bytes, so Oniguruma cannot skip ahead to a figure's first character. Forty rules
// were forty attempts at most places of a line (about 0.2 M characters a second over the corpus). One search that
// fails at the look-ahead for most characters does that work once.
//
// The merged rule matches what the rules matched, in the same order: at each place a search tries the alternatives
// in turn and takes the first that matches, and of rules in a list the one whose match starts first, the earlier
// on a tie. Each rule is an alternative in a group of its own; its name goes on that group and its captures are
// numbered after it. A rule is kept as it is when it cannot be merged that way: begin/end rules, rules whose
// first characters are not a bounded set (a negated class, `.`, an empty match), names that refer to captures
// ($1), back-references and named groups (their numbers would change), captures past the rule's own groups, a
// name on a rule whose captures are tokenized again (vscode-textmate gives those the rule's name, not a group's),
// and patterns the parser does not read (Oniguruma's own syntax; modifiers such as (?i:…), which ES2024 does not
// have). A run stops short of vscode-oniguruma's 1,000 capture regions.
// Merged, a rule loses Oniguruma's shortcuts for it alone (a literal it needs, looked for first): a rule that reads a
// run of characters from each place in it must start only at the run's start (the grammar's comment says how).
// test/unit/grammarMerge.test.ts checks that both grammars give the same tokens on the corpora.
import { RegExpParser } from '@eslint-community/regexpp';

// (ES2024: without ES2025's modifiers, (?i:…), whose first characters would be read without their case.)
const parser = new RegExpParser({ ecmaVersion: 2024 });
/** Capture regions vscode-oniguruma returns at most (MAX_REGIONS): a merged rule with more would never match. */
const MAX_GROUPS = 900;

/**
 * The characters a match of the pattern (its syntax tree) can start with ({ chars: code points, escapes: class escapes
 * such as \\s, kept for Oniguruma to read as it reads them in the rule }); undefined if they are not a bounded set.
 */
function firstCharacters(pattern) {
  const set = { chars: new Set(), escapes: new Set() };
  const nullable = firstOfAlternatives(pattern.alternatives, set);
  return nullable === false ? set : undefined;
}

/** The pattern's syntax tree, undefined where JavaScript does not read Oniguruma's syntax. */
function parse(source) {
  try {
    return parser.parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return undefined;
  }
}

/** Adds the first characters of the alternatives to `set`; whether one can match empty; undefined if unbounded. */
function firstOfAlternatives(alternatives, set) {
  let nullable = false;
  for (const alternative of alternatives) {
    const n = firstOfSequence(alternative.elements, set);
    if (n === undefined) return undefined;
    nullable ||= n;
  }
  return nullable;
}

function firstOfSequence(elements, set) {
  for (const element of elements) {
    const n = firstOf(element, set);
    if (n === undefined) return undefined;
    if (!n) return false;
  }
  return true;
}

/** firstOfAlternatives for one element: zero-width assertions add nothing and can be passed over. */
function firstOf(node, set) {
  switch (node.type) {
    case 'Assertion':
      return true;
    case 'Character':
      set.chars.add(node.value);
      return false;
    case 'CharacterSet':
      if (node.kind === 'any' || node.negate) return undefined;
      set.escapes.add(node.raw);
      return false;
    case 'CharacterClass':
      if (node.negate) return undefined;
      for (const e of node.elements) {
        if (e.type === 'Character') set.chars.add(e.value);
        else if (e.type === 'CharacterClassRange') for (let c = e.min.value; c <= e.max.value; c++) set.chars.add(c);
        else if (e.type === 'CharacterSet' && !e.negate) set.escapes.add(e.raw);
        else return undefined;
      }
      return false;
    case 'Group':
    case 'CapturingGroup':
      return firstOfAlternatives(node.alternatives, set);
    case 'Quantifier': {
      const n = firstOf(node.element, set);
      return n === undefined ? undefined : n || node.min === 0;
    }
    default:
      return undefined; // (back-references and anything else)
  }
}

const SPECIAL = new Set(['\\', ']', '[', '^', '-']);
/** A look-ahead of the characters of the sets. */
function lookAhead(sets) {
  const escapes = new Set(sets.flatMap((s) => [...s.escapes]));
  const chars = new Set(sets.flatMap((s) => [...s.chars]));
  const out = [...escapes];
  const sorted = [...chars].sort((a, b) => a - b);
  const char = (c) => {
    const s = String.fromCodePoint(c);
    return c < 0x20 ? `\\x{${c.toString(16)}}` : SPECIAL.has(s) ? `\\${s}` : s;
  };
  // (Runs of three or more as ranges: a class range in a rule, [一-龥], is thousands of characters.)
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j - i >= 2 ? `${char(sorted[i])}-${char(sorted[j])}` : sorted.slice(i, j + 1).map(char).join(''));
    i = j + 1;
  }
  return `(?=[${out.join('')}])`;
}

/**
 * The number of capturing groups of the pattern (its syntax tree); undefined if a group is named or a back-reference
 * refers to one anywhere in it (renumbered, it would refer to another).
 */
function groupCount(pattern) {
  let count = 0;
  let numbered = true;
  const visit = (node) => {
    if (node.type === 'CapturingGroup') {
      count++;
      if (node.name) numbered = false;
    }
    if (node.type === 'Backreference') numbered = false;
    for (const child of node.alternatives ?? node.elements ?? (node.element ? [node.element] : [])) visit(child);
  };
  visit(pattern);
  return numbered ? count : undefined;
}

const refersToCaptures = (rule) => JSON.stringify([rule.name, rule.captures ?? {}]).includes('$');
/** Whether a capture of the rule is tokenized again with patterns of its own. */
const retokenizes = (rule) => Object.values(rule.captures ?? {}).some((c) => c?.patterns);

/** The rule as an alternative of a merged rule (its gate, source and capture count), or undefined if it must stay apart. */
function alternative(rule) {
  if (typeof rule.match !== 'string' || rule.begin || rule.patterns || refersToCaptures(rule)) return undefined;
  if ((rule.name || rule.captures?.['0']) && retokenizes(rule)) return undefined;
  const pattern = parse(rule.match);
  const first = pattern && firstCharacters(pattern);
  const groups = first && groupCount(pattern);
  if (groups === undefined || Object.keys(rule.captures ?? {}).some((k) => !(Number(k) >= 0 && Number(k) <= groups))) return undefined;
  return groups + 2 > MAX_GROUPS ? undefined : { rule, first, groups };
}

/** One rule that matches what `alternatives` (two or more, in order) matched. */
function mergeRun(alternatives) {
  const captures = {};
  const parts = [];
  let next = 1;
  for (const { rule, first, groups } of alternatives) {
    const whole = rule.captures?.['0'];
    // (The rule's name, then its capture 0, on groups around it: what vscode-textmate gave the whole match.)
    const wraps = [rule.name && { name: rule.name }, whole].filter(Boolean);
    for (const scope of wraps) captures[next++] = scope;
    for (const [k, v] of Object.entries(rule.captures ?? {})) if (k !== '0') captures[next + Number(k) - 1] = v;
    next += groups;
    const body = `${lookAhead([first])}(?:${rule.match})`;
    parts.push('('.repeat(wraps.length) + (wraps.length ? body : `(?:${body})`) + ')'.repeat(wraps.length));
  }
  const gate = lookAhead(alternatives.map((a) => a.first));
  return { comment: `merged by scripts/mergeGrammar.mjs: ${alternatives.length} rules`, match: `${gate}(?:${parts.join('|')})`, captures };
}

/**
 * The rules of a list with its includes of the repository read in place, as vscode-textmate reads them (copies: the
 * grammar is not changed).
 */
function expand(list, repository, seen = new Set()) {
  return list.flatMap((p) => {
    const name = p.include?.startsWith('#') ? p.include.slice(1) : undefined;
    const target = name && repository[name];
    if (!target || seen.has(name)) return [structuredClone(p)];
    if (target.patterns && !target.match && !target.begin) return expand(target.patterns, repository, new Set(seen).add(name));
    return [structuredClone(target)];
  });
}

/** `list` with each run of two or more rules that can be merged made one rule. */
function mergeList(list, repository) {
  const out = [];
  let run = [];
  let groups = 0; // (the run's, with a group for each rule's name and capture 0)
  const flush = () => {
    if (run.length > 1) out.push(mergeRun(run));
    else out.push(...run.map((a) => a.rule));
    run = [];
    groups = 0;
  };
  for (const rule of expand(list, repository)) {
    const a = alternative(rule);
    if (!a) {
      flush();
      out.push(rule);
      continue;
    }
    if (groups + a.groups + 2 > MAX_GROUPS) flush();
    run.push(a);
    groups += a.groups + 2;
  }
  flush();
  return out;
}

/**
 * The grammar with every list of rules merged (a new object; `grammar` is left as it was). A list that is one include
 * is left as it is: what it includes is merged where it is defined (the headings' text includes #inline).
 */
export function mergeGrammar(grammar) {
  const repository = grammar.repository ?? {};
  const copy = structuredClone(grammar);
  const visit = (node) => {
    if (Array.isArray(node.patterns) && !(node.patterns.length === 1 && node.patterns[0].include)) node.patterns = mergeList(node.patterns, repository);
    for (const v of Object.values(node)) if (v && typeof v === 'object') visit(v);
  };
  visit(copy);
  return copy;
}
