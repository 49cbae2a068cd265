// Where a value of a JSON text is, by the path a SchemaError names (`tags[3].parent`), so an editor can put
// a problem on the entry itself. A small scanner over valid JSON: strings, numbers, literals, objects,
// arrays; for a path it cannot follow it returns the deepest value it reached.

/** UTF-16 offsets of the value at `path` (or of its key, for an object member), best effort. */
export function locateJsonPath(text: string, path: string): { start: number; end: number } {
  const steps = parsePath(path);
  let found = { start: 0, end: 0 };
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const skipString = () => {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  /** Skips the value at i; returns [start, end). */
  const value = (depth: number): [number, number] => {
    ws();
    const start = i;
    const step = steps[depth];
    if (text[i] === '{') {
      i++;
      for (;;) {
        ws();
        if (text[i] === '}' || i >= text.length) break;
        const keyStart = i;
        skipString();
        const key = JSON.parse(text.slice(keyStart, i)) as string;
        ws();
        i++; // :
        const hit = step !== undefined && typeof step === 'string' && key === step;
        const [vs, ve] = value(hit ? depth + 1 : Infinity);
        if (hit && depth + 1 === steps.length) found = { start: keyStart, end: ve };
        else if (hit && found.end === 0) found = { start: vs, end: ve };
        ws();
        if (text[i] === ',') i++;
      }
      i++;
    } else if (text[i] === '[') {
      i++;
      for (let n = 0; ; n++) {
        ws();
        if (text[i] === ']' || i >= text.length) break;
        const hit = step === n;
        const [vs, ve] = value(hit ? depth + 1 : Infinity);
        if (hit && (depth + 1 === steps.length || found.end === 0)) found = { start: vs, end: ve };
        ws();
        if (text[i] === ',') i++;
      }
      i++;
    } else if (text[i] === '"') skipString();
    else while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
    return [start, i];
  };
  try {
    value(0);
  } catch {
    // Not JSON: the start of the file.
  }
  return found;
}

function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}
