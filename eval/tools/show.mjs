// Reading aid for labelling: node eval/tools/show.mjs <path under shared> [lines|figs START LEN]
// lines: every line's code point offset and its opening (for headings); figs: the scope text and the
// Arabic-number candidates in it (a starting list to correct by reading, Chinese numerals must be added by hand).
import { readFileSync } from 'node:fs';
const [path, mode = 'lines', s = '0', l = '4000'] = process.argv.slice(2);
const text = readFileSync('/work/shared/' + path, 'utf8');
const cps = [...text];
if (mode === 'lines') {
  let off = 0;
  for (const [i, line] of cps.join('').split('\n').entries()) {
    const n = [...line].length;
    if (line.trim()) {
      const first = line.split(/(?<=[。：:])/)[0];
      console.log(`${i}\t${off}\t${n}\t${[...first].slice(0, 60).join('')}`);
    }
    off += n + 1;
  }
} else if (mode === 'text') {
  console.log(cps.slice(Number(s), Number(s) + Number(l)).join(''));
} else if (mode === 'figs') {
  const start = Number(s), end = Number(s) + Number(l);
  const scope = cps.slice(start, end).join('');
  console.log(scope);
  console.log('-----');
  const re = /[0-9０-９][0-9０-９.,．]*(?:[-－—~～至到][0-9０-９.]+)?\s*(?:多|余)?(?:万亿|亿|万|千)?(?:余|多)?(?:个百分点|%|％|平方公里|平方米|万平方米|立方米|千瓦时|千瓦|公里|千米|公顷|亩|吨|万元|亿元|美元|元|人次|户|家|个|名|人|项|条|次|座|所|处|台|辆|套|件|场|轮|位|栋|间|张|头|部|天|小时|年|个月|月|倍|米|斤|公斤|万|亿)?(?:多|余|左右|以上)?/g;
  const out = [];
  for (const m of scope.matchAll(re)) {
    if (/^\d{4}年$/.test(m[0]) || /^\d{1,2}月$/.test(m[0])) continue;
    out.push(m[0]);
  }
  console.log(out.join(' | '));
}
