/**
 * Reads what Paddle's documentation prints: a `Tensor(shape=[…], dtype=…, place=…, stop_gradient=…,
 * values)` repr, a `Parameter containing:` one, or a Python literal (numbers, True/False/None,
 * strings, lists, tuples). Every number keeps the digits it was printed with, so a comparison can
 * allow exactly the rounding of the print (half a unit in the last printed digit).
 */

/** A printed number: its value and how many digits followed the decimal point (-1: none printed). */
export interface PyNum {
  kind: 'num';
  value: number;
  decimals: number;
}
export type PyLit =
  | PyNum
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'str'; value: string }
  | { kind: 'list'; items: (PyLit | PyTensor)[]; tuple: boolean };

export interface PyTensor {
  kind: 'tensor';
  shape: number[];
  dtype: string;
  stopGradient: boolean | null;
  parameter: boolean;
  /** The elements in C order. */
  values: (PyNum | { kind: 'bool'; value: boolean })[];
}

export type PyOut = PyLit | PyTensor | { kind: 'raw'; text: string };

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i] as string)) this.i++;
  }
  peek(): string {
    this.ws();
    return this.s[this.i] ?? '';
  }
  eat(text: string): boolean {
    this.ws();
    if (this.s.startsWith(text, this.i)) {
      this.i += text.length;
      return true;
    }
    return false;
  }
  expect(text: string): void {
    if (!this.eat(text)) throw new Error(`pyout: expected '${text}' at ${this.i} in ${JSON.stringify(this.s)}`);
  }
  done(): boolean {
    this.ws();
    return this.i >= this.s.length;
  }
}

const NUMBER = /^[-+]?(?:nan|inf\.?|(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/i;

const TENSOR_HEAD = /^(Parameter containing:\s*)?Tensor\(shape=\[([^\]]*)\], dtype=([\w.]+),(?: place=[^,]*(?:\([^)]*\))?,)?(?: stop_gradient=(True|False),)?/;

function tensor(r: Reader): PyTensor | null {
  r.ws();
  const m = TENSOR_HEAD.exec(r.s.slice(r.i));
  if (m === null) return null;
  r.i += m[0].length;
  const values: PyTensor['values'] = [];
  flatten(literal(r), values, [], 0);
  r.expect(')');
  return {
    kind: 'tensor',
    shape: (m[2] as string).trim() === '' ? [] : (m[2] as string).split(',').map((d) => Number(d)),
    dtype: (m[3] as string).replace(/^paddle\./, ''),
    stopGradient: m[4] === undefined ? null : m[4] === 'True',
    parameter: m[1] !== undefined,
    values,
  };
}

function literal(r: Reader): PyLit {
  const c = r.peek();
  if (c === '[' || c === '(') {
    const close = c === '[' ? ']' : ')';
    r.expect(c);
    const items: (PyLit | PyTensor)[] = [];
    while (!r.eat(close)) {
      items.push(tensor(r) ?? literal(r));
      r.eat(',');
    }
    return { kind: 'list', items, tuple: c === '(' };
  }
  if (c === "'" || c === '"') {
    r.i++;
    const end = r.s.indexOf(c, r.i);
    const value = r.s.slice(r.i, end);
    r.i = end + 1;
    return { kind: 'str', value };
  }
  if (r.eat('True')) return { kind: 'bool', value: true };
  if (r.eat('False')) return { kind: 'bool', value: false };
  if (r.eat('None')) return { kind: 'none' };
  const m = NUMBER.exec(r.s.slice(r.i));
  if (m === null) throw new Error(`pyout: cannot read ${JSON.stringify(r.s.slice(r.i, r.i + 20))}`);
  r.i += m[0].length;
  return num(m[0]);
}

function num(text: string): PyNum {
  const t = text.toLowerCase().replace(/^\+/, '');
  if (/nan/.test(t)) return { kind: 'num', value: NaN, decimals: -1 };
  if (/inf/.test(t)) return { kind: 'num', value: t.startsWith('-') ? -Infinity : Infinity, decimals: -1 };
  const [mant = '', exp] = t.split('e');
  const dot = mant.indexOf('.');
  const frac = dot < 0 ? -1 : mant.length - dot - 1;
  // 1.5e-05 printed with 1 decimal in the mantissa: the last digit is worth 10^(exp - 1).
  const decimals = exp === undefined ? frac : Math.max(frac, 0) - Number(exp);
  return { kind: 'num', value: Number(t), decimals: frac <= 0 && exp === undefined ? -1 : decimals };
}

function flatten(l: PyLit | PyTensor, out: PyTensor['values'], shape: number[], depth: number): void {
  if (l.kind === 'list') {
    if (shape.length <= depth) shape.push(l.items.length);
    for (const it of l.items) flatten(it, out, shape, depth + 1);
  } else if (l.kind === 'num' || l.kind === 'bool') {
    out.push(l);
  } else {
    throw new Error(`pyout: a tensor element must be a number or a bool, not ${l.kind}`);
  }
}

/** Parses one documented output. Anything that is neither a tensor nor a literal stays raw text. */
export function parseOutput(text: string): PyOut {
  const s = text.trim();
  const r = new Reader(s);
  const t = tensor(r);
  if (t !== null) {
    if (!r.done()) throw new Error(`pyout: trailing text in ${JSON.stringify(s)}`);
    return t;
  }
  try {
    const l = literal(new Reader(s));
    const rr = new Reader(s);
    literal(rr);
    if (rr.done()) return l;
  } catch {
    // not a literal: compared as text
  }
  return { kind: 'raw', text: s };
}

/**
 * Parses an output that prints several values separated by spaces or lines (`print(name, param)`
 * in a loop, `print("{}: {}".format(i, t))`): Tensor reprs, Python literals, and bare words
 * (`0.weight`, `0:`), in order. `OrderedDict([...])` reads as its list of pairs.
 */
export function parseSeq(text: string): (PyLit | PyTensor)[] {
  const r = new Reader(text.trim());
  const items: (PyLit | PyTensor)[] = [];
  while (!r.done()) {
    if (r.s.startsWith('OrderedDict(', r.i)) {
      r.i += 'OrderedDict('.length;
      items.push(literal(r));
      r.expect(')');
      continue;
    }
    const t = tensor(r);
    if (t !== null) {
      items.push(t);
      continue;
    }
    const start = r.i;
    try {
      const l = literal(r);
      const next = r.s[r.i];
      if (next === undefined || /[\s,]/.test(next)) {
        items.push(l);
        continue;
      }
    } catch {
      // a bare word
    }
    r.i = start;
    const m = /^\S+/.exec(r.s.slice(r.i)) as RegExpExecArray;
    r.i += m[0].length;
    items.push({ kind: 'str', value: m[0] });
  }
  return items;
}

/**
 * The outputs a doctest example shows, in order: the lines after a `>>>`/`...` statement up to the
 * next statement or blank line. Statements are the lines starting with `>>> ` or `... `.
 */
export function doctestOutputs(python: string): string[] {
  const outs: string[] = [];
  let cur: string[] | null = null;
  for (const raw of python.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('>>>') || line.startsWith('...')) {
      if (cur !== null && cur.length > 0) outs.push(cur.join('\n'));
      cur = [];
    } else if (line === '') {
      if (cur !== null && cur.length > 0) outs.push(cur.join('\n'));
      cur = null;
    } else if (cur !== null) {
      cur.push(line);
    }
  }
  if (cur !== null && cur.length > 0) outs.push(cur.join('\n'));
  return outs;
}
