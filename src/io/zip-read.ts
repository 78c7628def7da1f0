/**
 * A bounded reader of the zip container `torch.save` writes (PyTorch's `PyTorchStreamWriter`, over
 * miniz): stored (uncompressed) entries only, as PyTorch writes them; zip64 records understood.
 *
 * Safety properties (every refusal a `ZipError`):
 * - the end-of-central-directory record is searched in the last 65,557 bytes only; every offset
 *   and size read from the file is checked against the bytes present before use;
 * - the entry count is bounded by the central directory's size (46 bytes per entry at least), and
 *   the central directory must lie inside the file: parsing is linear in the file size;
 * - compressed, encrypted, multi-disk and split archives are refused, so there is no
 *   decompression and no "zip bomb": an entry's data is a view of the file's own bytes;
 * - entries must not overlap one another or the central directory (the "overlapping files" zip
 *   bomb), names must be unique, and each local header must agree with its central record;
 * - an entry's CRC-32 is checked when it is first read.
 */
import { ZipError } from './errors.js';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;

/** One stored entry: where its data lies in the file. */
interface Entry {
  readonly name: string;
  readonly localOffset: number;
  readonly dataOffset: number;
  readonly size: number;
  readonly crc: number;
  checked: boolean;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (ISO 3309, zip's), of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = (c & 1) !== 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const t = crcTable;
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (t[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The entries of a zip file, by name; {@link ZipArchive.read} gives an entry's bytes (a view). */
export class ZipArchive {
  private readonly entries = new Map<string, Entry>();

  private constructor(private readonly bytes: Uint8Array) {}

  /** Entry names in central-directory order. */
  get names(): string[] {
    return [...this.entries.keys()];
  }

  /** Whether an entry `name` exists. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The stored size of entry `name`, or undefined. */
  size(name: string): number | undefined {
    return this.entries.get(name)?.size;
  }

  /** The bytes of entry `name` (a view of the file, CRC-checked once); a `ZipError` when absent. */
  read(name: string): Uint8Array {
    const e = this.entries.get(name);
    if (e === undefined) throw new ZipError(`zip: the archive has no entry '${name}'.`);
    const data = this.bytes.subarray(e.dataOffset, e.dataOffset + e.size);
    if (!e.checked) {
      const c = crc32(data);
      if (c !== e.crc) {
        throw new ZipError(`zip: entry '${name}' is corrupt: CRC-32 0x${c.toString(16)} differs from the recorded 0x${e.crc.toString(16)}.`);
      }
      e.checked = true;
    }
    return data;
  }

  /**
   * Parses the central directory of `bytes`; every entry is checked (see the module comment).
   *
   * @throws {@link ZipError} for anything but a well-formed, stored, single-disk archive.
   */
  static open(bytes: Uint8Array): ZipArchive {
    const z = new ZipArchive(bytes);
    z.parse();
    return z;
  }

  private parse(): void {
    const b = this.bytes;
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const n = b.length;
    const fail = (m: string): never => {
      throw new ZipError(`zip: ${m}.`);
    };
    if (n < EOCD_SIZE) fail(`the file is ${n} bytes, too short for a zip archive`);
    // End of central directory: the last signature whose comment length reaches the file's end.
    let eocd = -1;
    for (let p = n - EOCD_SIZE; p >= Math.max(0, n - EOCD_SIZE - MAX_COMMENT); p--) {
      if (v.getUint32(p, true) === SIG_EOCD && p + EOCD_SIZE + v.getUint16(p + 20, true) === n) {
        eocd = p;
        break;
      }
    }
    if (eocd < 0) fail('no end-of-central-directory record (not a zip file, or truncated)');
    let disk = v.getUint16(eocd + 4, true);
    let cdDisk = v.getUint16(eocd + 6, true);
    let count = v.getUint16(eocd + 10, true);
    let countHere = v.getUint16(eocd + 8, true);
    let cdSize = v.getUint32(eocd + 12, true);
    let cdOffset = v.getUint32(eocd + 16, true);
    let cdLimit = eocd;
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = eocd - 20;
      if (loc < 0 || v.getUint32(loc, true) !== SIG_EOCD64_LOCATOR) fail('a zip64 archive without its zip64 locator');
      const at = u64(v, loc + 8, fail);
      if (at + 56 > loc) fail('the zip64 end-of-central-directory record lies outside the file');
      if (v.getUint32(at, true) !== SIG_EOCD64) fail('bad zip64 end-of-central-directory signature');
      disk = v.getUint32(at + 16, true);
      cdDisk = v.getUint32(at + 20, true);
      countHere = u64(v, at + 24, fail);
      count = u64(v, at + 32, fail);
      cdSize = u64(v, at + 40, fail);
      cdOffset = u64(v, at + 48, fail);
      cdLimit = at;
    }
    if (disk !== 0 || cdDisk !== 0 || countHere !== count) fail('multi-disk (split) archives are not supported');
    if (cdOffset + cdSize > cdLimit) {
      fail(`the central directory (${cdSize} bytes at ${cdOffset}) lies outside the file (${n} bytes)`);
    }
    if (count > cdSize / CENTRAL_SIZE) fail(`${count} entries cannot fit in a central directory of ${cdSize} bytes`);
    const list: Entry[] = [];
    let p = cdOffset;
    const cdEnd = cdOffset + cdSize;
    for (let i = 0; i < count; i++) {
      if (p + CENTRAL_SIZE > cdEnd) fail(`central directory entry ${i} is truncated`);
      if (v.getUint32(p, true) !== SIG_CENTRAL) fail(`bad central directory signature at byte ${p}`);
      const flags = v.getUint16(p + 8, true);
      const method = v.getUint16(p + 10, true);
      const crc = v.getUint32(p + 16, true);
      let comp = v.getUint32(p + 20, true);
      let size = v.getUint32(p + 24, true);
      const nameLen = v.getUint16(p + 28, true);
      const extraLen = v.getUint16(p + 30, true);
      const commentLen = v.getUint16(p + 32, true);
      const diskStart = v.getUint16(p + 34, true);
      let localOffset = v.getUint32(p + 42, true);
      const next = p + CENTRAL_SIZE + nameLen + extraLen + commentLen;
      if (next > cdEnd) fail(`central directory entry ${i} is truncated`);
      const nameBytes = b.subarray(p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLen);
      const name = decodeName(nameBytes, fail);
      if ((flags & 1) !== 0) fail(`entry '${name}' is encrypted`);
      if (method !== 0) {
        fail(`entry '${name}' is compressed (method ${method}); torch.save writes stored entries, and this reader accepts only those`);
      }
      // Zip64 extended information: the fields that overflowed, in this order.
      if (size === 0xffffffff || comp === 0xffffffff || localOffset === 0xffffffff || diskStart === 0xffff) {
        let q = p + CENTRAL_SIZE + nameLen;
        const xEnd = q + extraLen;
        let found = false;
        while (q + 4 <= xEnd) {
          const id = v.getUint16(q, true);
          const len = v.getUint16(q + 2, true);
          if (q + 4 + len > xEnd) fail(`entry '${name}': a truncated extra field`);
          if (id === 1) {
            let r = q + 4;
            const take = (): number => {
              if (r + 8 > q + 4 + len) fail(`entry '${name}': a truncated zip64 extra field`);
              const x = u64(v, r, fail);
              r += 8;
              return x;
            };
            if (size === 0xffffffff) size = take();
            if (comp === 0xffffffff) comp = take();
            if (localOffset === 0xffffffff) localOffset = take();
            found = true;
            break;
          }
          q += 4 + len;
        }
        if (!found) fail(`entry '${name}' needs a zip64 extra field, which is missing`);
      }
      if (comp !== size) fail(`entry '${name}' is stored but its compressed size ${comp} differs from its size ${size}`);
      if (localOffset + LOCAL_SIZE > cdOffset) fail(`entry '${name}': its local header at ${localOffset} lies outside the data area`);
      if (v.getUint32(localOffset, true) !== SIG_LOCAL) fail(`entry '${name}': bad local header signature at byte ${localOffset}`);
      const lNameLen = v.getUint16(localOffset + 26, true);
      const lExtraLen = v.getUint16(localOffset + 28, true);
      const lMethod = v.getUint16(localOffset + 8, true);
      const dataOffset = localOffset + LOCAL_SIZE + lNameLen + lExtraLen;
      if (dataOffset + size > cdOffset) {
        fail(`entry '${name}' declares ${size} bytes at ${dataOffset}, beyond the data area (${cdOffset} bytes)`);
      }
      if (lMethod !== method || !sameBytes(b.subarray(localOffset + LOCAL_SIZE, localOffset + LOCAL_SIZE + lNameLen), nameBytes)) {
        fail(`entry '${name}': its local header disagrees with the central directory`);
      }
      if (this.entries.has(name)) fail(`the name '${name}' occurs twice`);
      const e: Entry = { name, localOffset, dataOffset, size, crc, checked: false };
      this.entries.set(name, e);
      list.push(e);
      p = next;
    }
    // No two entries may share bytes (overlapping entries multiply a small file's content).
    list.sort((x, y) => x.localOffset - y.localOffset);
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1] as Entry;
      const cur = list[i] as Entry;
      if (prev.dataOffset + prev.size > cur.localOffset) fail(`entries '${prev.name}' and '${cur.name}' overlap`);
    }
  }
}

function u64(v: DataView, at: number, fail: (m: string) => never): number {
  if (at < 0 || at + 8 > v.byteLength) fail(`a 64-bit field at ${at} lies outside the file`);
  const lo = v.getUint32(at, true);
  const hi = v.getUint32(at + 4, true);
  if (hi >= 0x200000) fail('a 64-bit offset or size beyond 2^53');
  return hi * 4294967296 + lo;
}

function decodeName(bytes: Uint8Array, fail: (m: string) => never): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return fail('an entry name is not valid UTF-8');
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
