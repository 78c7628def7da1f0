/**
 * A zip writer for `torch.save`'s container, as PyTorch's `PyTorchStreamWriter` lays it out:
 * stored (uncompressed) entries in the order given, each entry's data aligned to 64 bytes by
 * padding its local header's extra field (PyTorch's `kFieldAlignment`, so that storages can be
 * memory-mapped), a fixed timestamp (1980-01-01 00:00) so equal inputs give equal bytes.
 */
import { ValueError } from '../errors.js';
import { crc32 } from './zip-read.js';

/** PyTorch's `kFieldAlignment`. */
const ALIGNMENT = 64;
const LOCAL_SIZE = 30;
const CENTRAL_SIZE = 46;
/** The extra-field id of the padding (miniz/PyTorch write 'FB'). */
const PAD_ID = 0x4246;
const DOS_DATE_1980 = 0x21;

const utf8 = new TextEncoder();

/** One entry to write. */
export interface ZipEntry {
  /** The entry's path inside the archive, e.g. `archive/data.pkl`. */
  readonly name: string;
  /** The entry's contents, stored as they are. */
  readonly data: Uint8Array;
}

/**
 * The bytes of a zip archive holding `entries`, stored, data 64-byte aligned.
 *
 * @throws {@link errors.ValueError} when the archive would reach 4 GiB (zip64 is not written).
 */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((e) => utf8.encode(e.name));
  const offsets: number[] = [];
  const pads: number[] = [];
  let pos = 0;
  entries.forEach((e, i) => {
    const nameLen = (names[i] as Uint8Array).length;
    const headerEnd = pos + LOCAL_SIZE + nameLen;
    // An extra field holds at least its 4-byte header.
    let pad = (ALIGNMENT - (headerEnd % ALIGNMENT)) % ALIGNMENT;
    if (pad > 0 && pad < 4) pad += ALIGNMENT;
    offsets.push(pos);
    pads.push(pad);
    pos = headerEnd + pad + e.data.length;
  });
  const cdOffset = pos;
  let cdSize = 0;
  for (const nm of names) cdSize += CENTRAL_SIZE + nm.length;
  const total = cdOffset + cdSize + 22;
  if (total >= 0xffffffff || entries.length >= 0xffff) {
    throw new ValueError(`saveTorch: the archive would be ${total} bytes with ${entries.length} entries; zip64 (4 GiB or more) is not written.`);
  }
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  const crcs = entries.map((e) => crc32(e.data));
  entries.forEach((e, i) => {
    const p = offsets[i] as number;
    const nm = names[i] as Uint8Array;
    const pad = pads[i] as number;
    v.setUint32(p, 0x04034b50, true);
    v.setUint16(p + 4, 20, true); // version needed
    v.setUint16(p + 6, 0x0800, true); // UTF-8 names
    v.setUint16(p + 8, 0, true); // stored
    v.setUint16(p + 10, 0, true);
    v.setUint16(p + 12, DOS_DATE_1980, true);
    v.setUint32(p + 14, crcs[i] as number, true);
    v.setUint32(p + 18, e.data.length, true);
    v.setUint32(p + 22, e.data.length, true);
    v.setUint16(p + 26, nm.length, true);
    v.setUint16(p + 28, pad, true);
    out.set(nm, p + LOCAL_SIZE);
    if (pad > 0) {
      const x = p + LOCAL_SIZE + nm.length;
      v.setUint16(x, PAD_ID, true);
      v.setUint16(x + 2, pad - 4, true);
      out.fill(0x5a, x + 4, x + pad); // 'Z', as PyTorch pads
    }
    out.set(e.data, p + LOCAL_SIZE + nm.length + pad);
  });
  let c = cdOffset;
  entries.forEach((e, i) => {
    const nm = names[i] as Uint8Array;
    v.setUint32(c, 0x02014b50, true);
    v.setUint16(c + 4, 20, true); // version made by
    v.setUint16(c + 6, 20, true);
    v.setUint16(c + 8, 0x0800, true);
    v.setUint16(c + 10, 0, true);
    v.setUint16(c + 12, 0, true);
    v.setUint16(c + 14, DOS_DATE_1980, true);
    v.setUint32(c + 16, crcs[i] as number, true);
    v.setUint32(c + 20, e.data.length, true);
    v.setUint32(c + 24, e.data.length, true);
    v.setUint16(c + 28, nm.length, true);
    // extra, comment, disk, attributes: 0
    v.setUint32(c + 42, offsets[i] as number, true);
    out.set(nm, c + CENTRAL_SIZE);
    c += CENTRAL_SIZE + nm.length;
  });
  v.setUint32(c, 0x06054b50, true);
  v.setUint16(c + 8, entries.length, true);
  v.setUint16(c + 10, entries.length, true);
  v.setUint32(c + 12, cdSize, true);
  v.setUint32(c + 16, cdOffset, true);
  return out;
}
