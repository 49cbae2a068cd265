// Turns a hand-written draft (eval/drafts/<name>.txt) into eval/labels/<name>.json with code point offsets.
// The draft states what is labelled; this script only finds where. Draft lines:
//   source <path under /work/shared>
//   scope <start> <len>        figure scope: snapped to the start of the line holding <start> and the end of
//                              the line holding <start>+<len> (code points)
//   > <anchor>                 move the figure/heading cursor past the next occurrence of <anchor>
//   F <text> <kind> <value> [<baseValue>]  next occurrence of <text> after the cursor (within the scope);
//                              "<text>" in double quotes may hold spaces (national-1998 spaces its digits: 1 1 ％)
//   H <level> <text>           next occurrence of the heading text after the heading cursor
//   P <name>[|<alias>…]        every occurrence of the name and its aliases in the whole text (longest first)
//   X <string>                 occurrences of project names inside this string are not projects
//   projects unlabelled        = only figures sections
//   only <category>…           only these categories (figures, sections, projects) are labelled: the scorer
//                              leaves the others of this document out (labels.scored)
//   # comment
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = process.env.SHARED_DIR ?? join(here, '../../../shared');
const name = process.argv[2];
const draft = readFileSync(join(here, '../drafts', `${name}.txt`), 'utf8').split('\n');

let text, cps, source;
const cpOf = (u) => { // UTF-16 offset → code point offset
  let n = 0;
  for (let i = 0; i < u; i++) { const c = text.charCodeAt(i); if (c >= 0xd800 && c <= 0xdbff) i++; n++; }
  return n;
};
const uOf = (cp) => { let u = 0; for (let n = 0; n < cp; n++) u += cps[n].length; return u; };

const out = { name, source: '', sha256: '', length: 0, scope: null, figures: [], sections: [], projects: [] };
const errors = [];
let fcur = 0, hcur = 0; // UTF-16 cursors
let scopeU = null;
const projectDefs = [], excludes = [];
for (const [i, raw] of draft.entries()) {
  const line = raw.replace(/\r$/, '');
  if (!line.trim() || line.startsWith('#')) continue;
  const sp = line.indexOf(' ');
  const op = sp < 0 ? line : line.slice(0, sp);
  const rest = sp < 0 ? '' : line.slice(sp + 1);
  const err = (m) => errors.push(`line ${i + 1}: ${m}: ${line}`);
  if (op === 'source') {
    source = rest.trim();
    const buf = readFileSync(join(SHARED, source));
    text = buf.toString('utf8');
    cps = [...text];
    out.source = source;
    out.sha256 = createHash('sha256').update(buf).digest('hex');
    out.length = cps.length;
  } else if (op === 'scope') {
    const [s, l] = rest.trim().split(/\s+/).map(Number);
    let su = uOf(s);
    su = text.lastIndexOf('\n', su - 1) + 1;
    let eu = uOf(Math.min(s + l, cps.length));
    const nl = text.indexOf('\n', eu);
    eu = nl < 0 ? text.length : nl;
    scopeU = { start: su, end: eu };
    out.scope = { start: cpOf(su), end: cpOf(eu) };
    fcur = su;
  } else if (op === '>') {
    const at = text.indexOf(rest, fcur);
    if (at < 0) err('anchor not found'); else fcur = at + rest.length;
    const ah = text.indexOf(rest, hcur);
    if (ah >= 0) hcur = ah + rest.length;
  } else if (op === 'F') {
    const m = rest.match(/^("[^"]+"|\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?\s*$/);
    if (!m) { err('bad F'); continue; }
    const [, quoted, kind, v, base] = m;
    const t = quoted.startsWith('"') ? quoted.slice(1, -1) : quoted;
    const at = text.indexOf(t, fcur);
    if (at < 0 || (scopeU && at + t.length > scopeU.end)) { err('figure not found in scope after cursor'); continue; }
    fcur = at + t.length;
    out.figures.push({ start: cpOf(at), end: cpOf(at + t.length), text: t, kind, value: Number(v), ...(base ? { baseValue: Number(base) } : {}) });
  } else if (op === 'H') {
    const m = rest.match(/^(\d)\s+(.+)$/);
    if (!m) { err('bad H'); continue; }
    const t = m[2].trim();
    // A heading starts its line (or, for 一是… inside a paragraph, a sentence): prefer the next occurrence
    // at a line start, so that a bare numeral 一 is not found inside 一九五六年.
    const lineStart = new RegExp(`(?:^|\\n)[\\s\u3000]*(${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'g');
    lineStart.lastIndex = hcur;
    const ls = lineStart.exec(text);
    const at = ls ? ls.index + ls[0].length - t.length : text.indexOf(t, hcur);
    if (at < 0) { err('heading not found after cursor'); continue; }
    hcur = at + t.length;
    out.sections.push({ level: Number(m[1]), start: cpOf(at), end: cpOf(at + t.length), text: t });
  } else if (op === 'P') {
    const names = rest.split('|').map((s) => s.trim()).filter(Boolean);
    projectDefs.push(names);
  } else if (op === 'projects' && rest.trim() === 'unlabelled') {
    out.scored = ['figures', 'sections'];
  } else if (op === 'only') {
    out.scored = rest.trim().split(/\s+/);
  } else if (op === 'X') {
    excludes.push(rest.trim());
  } else err('unknown op');
}

// Projects: every occurrence, longest name first, no overlaps, none inside an excluded string.
const blocked = [];
for (const x of excludes) for (let at = text.indexOf(x); at >= 0; at = text.indexOf(x, at + 1)) blocked.push([at, at + x.length]);
const all = projectDefs.flatMap((names) => names.map((n) => ({ n, project: names[0] }))).sort((a, b) => b.n.length - a.n.length);
const taken = [];
const occ = [];
for (const { n, project } of all) {
  let found = 0;
  for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) {
    const e = at + n.length;
    if (taken.some(([s, t]) => at < t && s < e)) continue;
    if (blocked.some(([s, t]) => at >= s && e <= t)) continue;
    taken.push([at, e]);
    occ.push({ start: cpOf(at), end: cpOf(e), text: n, project });
    found++;
  }
  if (!found) errors.push(`project name not found (or all overlapped): ${n}`);
}
occ.sort((a, b) => a.start - b.start);
out.projects = occ;
out.sections.sort((a, b) => a.start - b.start);

// Check every span against the code point text.
for (const item of [...out.figures, ...out.sections, ...out.projects]) {
  if (cps.slice(item.start, item.end).join('') !== item.text) errors.push(`span mismatch ${JSON.stringify(item)}`);
}
if (errors.length) { console.error(errors.join('\n')); process.exitCode = 1; }
writeFileSync(join(here, '../labels', `${name}.json`), JSON.stringify(out, null, 1) + '\n');
console.log(`${name}: ${out.figures.length} figures, ${out.sections.length} headings, ${out.projects.length} project mentions (${projectDefs.length} projects)`);
if (process.argv.includes('-v')) for (const o of occ) console.log(`  P ${o.text}  …${cps.slice(Math.max(0, o.start - 8), o.end + 8).join('').replace(/\n/g, '⏎')}…`);
