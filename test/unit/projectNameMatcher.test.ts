// NameMatcher gives at each place the longest name that starts there, as trying the names longest first does:
// random name sets (a few per opening pair, read in turn; many, read as a trie), nested names, and two pairs that
// share one pairKey (中国, 츭국: codes equal in their low fifteen bits), against that reference.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NameMatcher } from '../../src/core/projectNameMatcher';
import { seededRandom } from '../seededRandom';

/** The longest of `names` (longest first) that text[i, …) opens with. */
const reference = (names: readonly string[], text: string, i: number) => names.find((n) => text.startsWith(n, i));

/** Characters of the names and texts: 츭 (0xce2d) shares 中's (0x4e2d) low fifteen bits. */
const ALPHABET = [...'中国河北产业园\uce2d甲乙'];

test('NameMatcher finds the longest name at each place, as the names tried longest first do', () => {
  const next = seededRandom(28);
  const int = (n: number) => Math.floor(next() * n);
  const word = (length: number) => Array.from({ length }, () => ALPHABET[int(ALPHABET.length)]).join('');
  for (let round = 0; round < 300; round++) {
    // (Up to 60 names: a pair holds a few in some rounds and dozens in others.)
    const count = 1 + int(round % 2 === 0 ? 6 : 60);
    // (Most open with one of three pairs, two of them sharing a key.)
    const name = () => (next() < 0.7 ? ['河北', '中国', '\uce2d国'][int(3)] + word(int(6)) : word(1 + int(7)));
    const names = [...new Set(Array.from({ length: count }, name))].sort((a, b) => b.length - a.length);
    const matcher = new NameMatcher(names);
    const text = Array.from({ length: 20 }, () => (next() < 0.5 ? names[int(names.length)] : word(1 + int(4)))).join('');
    for (let i = 0; i < text.length; i++) assert.equal(matcher.nameAt(text, i), reference(names, text, i), `round ${round}, at ${i} of ${text}`);
  }
});

test('NameMatcher tells apart thousands of names that open alike, the longer over the shorter inside it', () => {
  // (A trie for the pair 河北: each park, and its zone, 河北X产业园 and 河北X产业园区.)
  const names: string[] = [];
  const expected: string[] = [];
  let text = '';
  for (let i = 0; i < 3000; i++) {
    const park = `河北${String.fromCharCode(0x4e00 + i)}产业园`;
    names.push(park, `${park}区`);
    // The zone where 区 follows, the park where another character does.
    text += i % 2 === 0 ? `推进${park}区，` : `推进${park}建设，`;
    expected.push(i % 2 === 0 ? `${park}区` : park);
  }
  names.sort((a, b) => b.length - a.length);
  const matcher = new NameMatcher(names);
  const found: string[] = [];
  for (let i = 0; i < text.length; ) {
    const name = matcher.nameAt(text, i);
    if (name) found.push(name);
    i += name ? name.length : 1;
  }
  assert.deepEqual(found, expected);
});

test('NameMatcher.nextStart passes over only places where nameAt finds no name, names of one character among them', () => {
  const next = seededRandom(34);
  const int = (n: number) => Math.floor(next() * n);
  const word = (length: number) => Array.from({ length }, () => ALPHABET[int(ALPHABET.length)]).join('');
  for (let round = 0; round < 300; round++) {
    // (Names of one character in half the rounds: read by their first character, not their pair.)
    const names = [...new Set(Array.from({ length: 1 + int(20) }, () => word(round % 2 === 0 ? 1 + int(4) : 2 + int(4))))].sort((a, b) => b.length - a.length);
    const matcher = new NameMatcher(names);
    const text = word(1 + int(40));
    for (let from = 0; from <= text.length; from++) {
      const at = matcher.nextStart(text, from);
      for (let i = from; i < at; i++) assert.equal(matcher.nameAt(text, i), undefined, `round ${round}, at ${i} of ${text}`);
      assert.ok(at <= text.length);
    }
  }
});
