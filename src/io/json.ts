/**
 * A small iterative JSON parser for the safetensors reader: no recursion (nesting is bounded by
 * `maxDepth` and never by the JS stack), every object created is charged to a `Budget`, objects
 * become `Map`s (so keys such as `"__proto__"` are plain data), and numbers written as anything
 * but a non-negative integer literal can be kept apart (`exactIntegers`) so that a shape `[4.0]`
 * or an offset `1e3` can be told from `4` and `1000`.
 */
import { Budget, COST } from './limits.js';

/** A number written with a sign, a fraction or an exponent (only with `exactIntegers`). */
export class JsonNumberText {
  constructor(
    readonly value: number,
    readonly text: string,
  ) {}
}

export type JsonValue = null | boolean | number | string | JsonNumberText | JsonValue[] | Map<string, JsonValue>;

export interface JsonParseOptions {
  maxDepth: number;
  budget: Budget;
  /** Keep numbers other than non-negative integer literals as `JsonNumberText`. */
  exactIntegers?: boolean;
  /** Called with the running count of the root object's entries (to refuse early). */
  onRootEntry?: (count: number) => void;
  /** Throws: a malformed text or a limit crossed. */
  fail: (message: string) => never;
}

type Frame = { container: JsonValue[] | Map<string, JsonValue>; key: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Parses `text` (a complete JSON document). */
export function parseJson(text: string, o: JsonParseOptions): JsonValue {
  const { budget, fail } = o;
  let pos = 0;
  const n = text.length;
  const stack: Frame[] = [];
  let rootEntries = 0;
  // Slices of a text holding a character beyond U+00FF take two bytes per code unit.
  const charWidth = /[^\u0000-\u00ff]/.test(text) ? 2 : 1;

  const ws = (): void => {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      pos++;
    }
  };
  const bad = (what: string): never => fail(`${what} at offset ${pos} of the JSON`);

  const string = (): string => {
    // pos is at the opening quote.
    const start = ++pos;
    let escaped = false;
    for (;;) {
      if (pos >= n) return bad('an unterminated string');
      const c = text.charCodeAt(pos);
      if (c === QUOTE) break;
      if (c < 0x20) return bad('a control character in a string');
      if (c === BACKSLASH) {
        escaped = true;
        pos += 2;
      } else {
        pos++;
      }
    }
    const end = pos++;
    budget.charge(COST.string + charWidth * (end - start), 'a JSON string');
    if (!escaped) return text.slice(start, end);
    try {
      return JSON.parse(text.slice(start - 1, end + 1)) as string;
    } catch {
      return bad('an invalid escape in a string');
    }
  };

  const number = (): number | JsonNumberText => {
    const start = pos;
    let plain = true;
    if (text.charCodeAt(pos) === 0x2d) {
      plain = false;
      pos++;
    }
    const digits = (): number => {
      const s = pos;
      while (pos < n) {
        const c = text.charCodeAt(pos);
        if (c < 0x30 || c > 0x39) break;
        pos++;
      }
      return pos - s;
    };
    const first = text.charCodeAt(pos);
    const intDigits = digits();
    if (intDigits === 0 || (first === 0x30 && intDigits > 1)) return bad('a malformed number');
    if (text.charCodeAt(pos) === 0x2e) {
      plain = false;
      pos++;
      if (digits() === 0) return bad('a malformed number');
    }
    const e = text.charCodeAt(pos);
    if (e === 0x65 || e === 0x45) {
      plain = false;
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 0x2b || sign === 0x2d) pos++;
      if (digits() === 0) return bad('a malformed number');
    }
    const literal = text.slice(start, pos);
    const value = Number(literal);
    // Small integers are not heap objects.
    if (!plain || value > 0x3fffffff) budget.charge(COST.number, 'a JSON number');
    return plain || o.exactIntegers !== true ? value : new JsonNumberText(value, literal);
  };

  const literal = (word: string, value: JsonValue): JsonValue => {
    if (text.startsWith(word, pos)) {
      pos += word.length;
      return value;
    }
    return bad('an unexpected character');
  };

  /** After a value: attach it to the open container(s); returns the finished root, or undefined to read the next value. */
  const attach = (v: JsonValue): { root: JsonValue } | undefined => {
    let value = v;
    for (;;) {
      const f = stack[stack.length - 1];
      if (f === undefined) return { root: value };
      if (Array.isArray(f.container)) {
        budget.charge(COST.slot, 'a JSON array item');
        f.container.push(value);
      } else {
        budget.charge(COST.dictEntry, 'a JSON object entry');
        f.container.set(f.key, value);
        if (stack.length === 1 && o.onRootEntry !== undefined) o.onRootEntry(++rootEntries);
      }
      ws();
      const c = text.charCodeAt(pos);
      if (c === 0x2c) {
        pos++;
        if (!Array.isArray(f.container)) f.key = key();
        return undefined;
      }
      if (c === (Array.isArray(f.container) ? 0x5d : 0x7d)) {
        pos++;
        stack.pop();
        value = f.container;
        continue;
      }
      return bad(`expected ',' or '${Array.isArray(f.container) ? ']' : '}'}'`);
    }
  };

  const key = (): string => {
    ws();
    if (text.charCodeAt(pos) !== QUOTE) bad('expected a string key');
    const k = string();
    ws();
    if (text.charCodeAt(pos) !== 0x3a) bad("expected ':'");
    pos++;
    return k;
  };

  const open = (container: JsonValue[] | Map<string, JsonValue>): void => {
    if (stack.length >= o.maxDepth) fail(`the JSON is nested deeper than ${o.maxDepth} levels`);
    stack.push({ container, key: '' });
  };

  for (;;) {
    ws();
    if (pos >= n) bad('unexpected end of input');
    const c = text.charCodeAt(pos);
    let done: { root: JsonValue } | undefined;
    if (c === 0x7b) {
      pos++;
      budget.charge(COST.dict, 'a JSON object');
      const m = new Map<string, JsonValue>();
      ws();
      if (text.charCodeAt(pos) === 0x7d) {
        pos++;
        if (stack.length >= o.maxDepth) fail(`the JSON is nested deeper than ${o.maxDepth} levels`);
        done = attach(m);
      } else {
        open(m);
        (stack[stack.length - 1] as Frame).key = key();
        continue;
      }
    } else if (c === 0x5b) {
      pos++;
      budget.charge(COST.list, 'a JSON array');
      const a: JsonValue[] = [];
      ws();
      if (text.charCodeAt(pos) === 0x5d) {
        pos++;
        if (stack.length >= o.maxDepth) fail(`the JSON is nested deeper than ${o.maxDepth} levels`);
        done = attach(a);
      } else {
        open(a);
        continue;
      }
    } else if (c === QUOTE) {
      done = attach(string());
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      done = attach(number());
    } else if (c === 0x74) {
      done = attach(literal('true', true));
    } else if (c === 0x66) {
      done = attach(literal('false', false));
    } else if (c === 0x6e) {
      done = attach(literal('null', null));
    } else {
      bad('an unexpected character');
    }
    if (done !== undefined) {
      ws();
      if (pos !== n) bad('unexpected data after the JSON value');
      return done.root;
    }
  }
}
