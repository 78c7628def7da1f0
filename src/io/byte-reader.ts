/**
 * The unpickler's view of its input: a cursor over the bytes, the fixed-size and length-prefixed
 * reads of the pickle opcodes (every declared length checked against the bytes present before
 * anything is allocated), and the budget every allocation is charged to (src/io/limits.ts).
 */
import { UnpicklingError } from './errors.js';
import { Budget, BUDGET_SLACK, COST } from './limits.js';

const MAX_LONG_BYTES = 65536;
const MAX_GLOBAL_LINE = 1024;

export class ByteReader {
  pos = 0;
  readonly budget: Budget;
  readonly view: DataView;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  /**
   * `budgetBase`: the input size the budget is proportional to (default the pickle's own size; a
   * container format such as PyTorch's zip passes its whole file, whose storages the pickle decodes).
   */
  constructor(
    readonly bytes: Uint8Array,
    maxExpansion: number,
    budgetBase = bytes.length,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const limit = maxExpansion * budgetBase + BUDGET_SLACK;
    this.budget = new Budget(limit, (what) =>
      this.fail(
        `${what} would expand the pickle beyond what its ${budgetBase} bytes justify (a budget of ${limit} bytes: maxExpansion ${maxExpansion} × the input size + ${BUDGET_SLACK}; a larger maxExpansion option raises it); refusing to allocate`,
      ),
    );
  }

  /** Throws an `UnpicklingError` located at byte `at`. */
  fail(message: string, at = this.pos): never {
    throw new UnpicklingError(`${message} (at byte ${at})`);
  }

  need(n: number, what: string): void {
    if (n > this.bytes.length - this.pos) {
      this.fail(
        `pickle data was truncated: ${what} needs ${n} bytes but only ${this.bytes.length - this.pos} remain`,
      );
    }
  }

  charge(n: number, what: string): void {
    this.budget.charge(n, what);
  }

  u8(): number {
    this.need(1, 'an opcode argument');
    return this.bytes[this.pos++] as number;
  }
  u16(): number {
    this.need(2, 'an opcode argument');
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }
  i32(): number {
    this.need(4, 'an opcode argument');
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }
  u32(): number {
    this.need(4, 'an opcode argument');
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  u64(): number {
    this.need(8, 'an opcode argument');
    const lo = this.view.getUint32(this.pos, true);
    const hi = this.view.getUint32(this.pos + 4, true);
    this.pos += 8;
    // Any length beyond 2^53 is necessarily beyond the bytes present.
    return hi >= 0x200000 ? Number.MAX_SAFE_INTEGER : hi * 4294967296 + lo;
  }

  /** `n` bytes, copied (a bytes value). */
  take(n: number, what: string): Uint8Array {
    if (n < 0) this.fail(`negative ${what} length ${n}`);
    this.need(n, what);
    this.charge(COST.typedArray + n, what);
    const out = this.bytes.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  takeUtf8(n: number): string {
    if (n < 0) this.fail(`negative string length ${n}`);
    this.need(n, 'a string');
    const start = this.pos;
    let s: string;
    try {
      s = this.utf8.decode(this.bytes.subarray(this.pos, this.pos + n));
    } catch {
      this.fail('a string is not valid UTF-8', start);
    }
    this.pos += n;
    // A string with a character beyond U+00FF is stored with two bytes per code unit.
    this.charge(COST.string + (s.length < n ? 2 * s.length : n), 'a string');
    return s;
  }

  takeLatin1(n: number): string {
    if (n < 0) this.fail(`negative string length ${n}`);
    this.need(n, 'a string');
    this.charge(COST.string + n, 'a string');
    const s = latin1Decode(this.bytes.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }

  /** A GLOBAL argument: a line of at most 1024 bytes. */
  readLine(): string {
    const start = this.pos;
    const limit = Math.min(this.bytes.length, start + MAX_GLOBAL_LINE);
    let end = start;
    while (end < limit && this.bytes[end] !== 0x0a) end++;
    if (end >= limit) this.fail('GLOBAL: a module or attribute name is unterminated or too long', start);
    let s: string;
    try {
      s = this.utf8.decode(this.bytes.subarray(start, end));
    } catch {
      this.fail('GLOBAL: a module or attribute name is not valid UTF-8', start);
    }
    this.pos = end + 1;
    return s;
  }

  /** A LONG1/LONG4 payload: little-endian two's complement, `bigint` beyond 2^53. */
  readLong(n: number): number | bigint {
    if (n === 0) return 0;
    if (n > MAX_LONG_BYTES) this.fail(`an integer of ${n} bytes is larger than this reader accepts (${MAX_LONG_BYTES})`);
    this.need(n, 'a long integer');
    const bytes = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    this.charge(n, 'a long integer');
    if (n <= 6) {
      let v = 0;
      for (let i = n - 1; i >= 0; i--) v = v * 256 + (bytes[i] as number);
      const bits = 8 * n;
      if (((bytes[n - 1] as number) & 0x80) !== 0) v -= 2 ** bits;
      return v;
    }
    let hex = '';
    for (let i = n - 1; i >= 0; i--) hex += (bytes[i] as number).toString(16).padStart(2, '0');
    let big = BigInt(`0x${hex}`);
    if (((bytes[n - 1] as number) & 0x80) !== 0) big -= 1n << BigInt(8 * n);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }
}

export function latin1Decode(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + CHUNK)));
  }
  return s;
}

export function latin1Encode(s: string, fail: (m: string) => never): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) fail(`'latin-1' codec can't encode character U+${c.toString(16).padStart(4, '0')} at position ${i}`);
    out[i] = c;
  }
  return out;
}
