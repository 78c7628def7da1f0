/**
 * Bounded JSON for the safetensors reader: `parseJson` first scans the text once, without
 * recursion and without allocating, checking its nesting depth, charging what `JSON.parse` will
 * build (objects, arrays, entries, strings, numbers) to a `Budget`, passing the root object's
 * keys to a callback and (optionally) refusing numbers that are not non-negative integer literals
 * under given keys; only then
 * does it call `JSON.parse`. Syntax errors the scan lets through are `JSON.parse`'s to report.
 */
import { Budget, COST } from './limits.js';

export interface JsonParseOptions {
  maxDepth: number;
  budget: Budget;
  /**
   * Under these keys of the root's member objects (`{"t": {"shape": [..]}}`), refuse any number
   * other than a non-negative integer literal (`4.0`, `4e0`, `-0`), calling `fail` with a message
   * naming it and the keys that lead to it.
   */
  integerKeys?: ReadonlySet<string>;
  /** Called with each key of the root object (to refuse early, before `JSON.parse`). */
  onRootKey?: (key: string) => void;
  /** Throws: a malformed text or a limit crossed. */
  fail: (message: string) => never;
}

/** What `JSON.parse` allocates, approximately (V8, x64). */
const JSON_COST = { object: 64, array: 32, entry: 16 } as const;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Scans `text` (see the module comment), then parses it with `JSON.parse`. */
export function parseJson(text: string, o: JsonParseOptions): unknown {
  scanJson(text, o);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    return o.fail((e as Error).message);
  }
}

function scanJson(t: string, o: JsonParseOptions): void {
  const { budget, fail } = o;
  const n = t.length;
  // Slices of a text holding a character beyond U+00FF take two bytes per code unit.
  const charWidth = /[^\u0000-\u00ff]/.test(t) ? 2 : 1;
  let depth = 0;
  /** The key last seen at depths 1 and 2 (for messages); only those are decoded. */
  const keys: string[] = ['', '', ''];
  let p = 0;
  while (p < n) {
    const c = t.charCodeAt(p);
    if (c === QUOTE) {
      const start = ++p;
      let escaped = false;
      for (;;) {
        if (p >= n) return void fail(`an unterminated string at offset ${start - 1}`);
        const d = t.charCodeAt(p);
        if (d === QUOTE) break;
        if (d === BACKSLASH) {
          escaped = true;
          p += 2;
        } else {
          p++;
        }
      }
      budget.charge(COST.string + charWidth * (p - start), 'a JSON string');
      p++;
      if (depth <= 2) {
        // A key when a ':' follows.
        let q = p;
        while (q < n && isSpace(t.charCodeAt(q))) q++;
        if (t.charCodeAt(q) === 0x3a) {
          keys[depth] = escaped ? safeUnescape(t.slice(start - 1, p)) : t.slice(start, p - 1);
          if (depth === 1 && o.onRootKey !== undefined) o.onRootKey(keys[1] as string);
        }
      }
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      if (++depth > o.maxDepth) fail(`the JSON is nested deeper than ${o.maxDepth} levels`);
      if (depth === 2) keys[2] = '';
      budget.charge(c === 0x7b ? JSON_COST.object : JSON_COST.array, c === 0x7b ? 'a JSON object' : 'a JSON array');
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (c === 0x2c || c === 0x3a) {
      budget.charge(JSON_COST.entry, 'a JSON entry');
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = p;
      let integer = c !== 0x2d;
      p++;
      for (; p < n; p++) {
        const d = t.charCodeAt(p);
        if (d >= 0x30 && d <= 0x39) continue;
        if (d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d) integer = false;
        else break;
      }
      budget.charge(COST.number, 'a JSON number');
      if (!integer && depth >= 2 && o.integerKeys?.has(keys[2] as string) === true) {
        fail(`the value at ${JSON.stringify(keys[1])} → ${JSON.stringify(keys[2])} holds the number ${t.slice(start, p)}, not a non-negative integer`);
      }
      continue;
    }
    p++;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function safeUnescape(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal;
  }
}
