// What the project-name tests share (projectNames, projectLists, projectRoutes): the segmenter, the names one
// paragraph gives, a text's mentions by name.
import assert from 'node:assert/strict';
import { analyzeText } from '../../src/core/analyze';
import { findProjectNames } from '../../src/core/projects';
import { loadJiebaSegmenter } from '../../src/core/segmenter';

export const segmenter = loadJiebaSegmenter();
/** The names found in one paragraph, sorted. */
export const names = (text: string) => findProjectNames(text, segmenter).sort();
/** A whole text's projects: each name with its number of mentions. */
export const mentions = (text: string) =>
  new Map(analyzeText(text, { segmenter }).projects.map((p) => [p.name, p.occurrences.length] as const));

/** Each of `expected` among the names found (the message lists what was found). */
export const includesAll = (found: string[], expected: string[]) => {
  for (const n of expected) assert.ok(found.includes(n), `${n} in ${found.join(' ')}`);
};
