/**
 * The playground's digits file: the demo's fixed 8,000 / 1,756 split (src/cli/mnist.ts
 * `loadMnist`), packed at build time (scripts/playground.ts) so that the page need not parse the
 * `mnist` package's 21 MB of JSON.
 *
 * The package's pixels are decimals with three digits (0, 0.004, 0.008, …, 1): 256 distinct
 * values but not k/255, so the file stores each pixel as a one-byte code into a 256-entry float32
 * palette. Decoding gives back the demo's float32 images bit for bit. Layout (little-endian):
 *
 *   0   'PDMN'            magic
 *   4   u32 version (1)
 *   8   u32 train count   12  u32 test count   16  u32 pixels per image (784)
 *   20  256 × f32         palette
 *   1044                  train codes (count × 784 u8), train labels (u8),
 *                         test codes, test labels
 */
import type { Digits, MnistSplit } from '../../src/cli/mnist.js';

const MAGIC = 'PDMN';
const VERSION = 1;
const HEADER = 20;
const PALETTE = 256;

/** The name of the digits file in the built site. */
export const DIGITS_FILE = 'mnist-8000-1756.bin';

/** Packs a split into the file's bytes; throws if its pixels take more than 256 values. */
export function encodeDigits(split: MnistSplit): Uint8Array {
  const sets = [split.train, split.test];
  const size = split.train.count === 0 ? 784 : split.train.images.length / split.train.count;
  const codes = new Map<number, number>();
  const palette = new Float32Array(PALETTE);
  for (const set of sets) {
    for (const v of set.images) {
      if (codes.has(v)) continue;
      if (codes.size === PALETTE) throw new Error('the digits take more than 256 distinct pixel values');
      palette[codes.size] = v;
      codes.set(v, codes.size);
    }
  }
  const total = HEADER + PALETTE * 4 + sets.reduce((a, s) => a + s.count * (size + 1), 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, split.train.count, true);
  view.setUint32(12, split.test.count, true);
  view.setUint32(16, size, true);
  for (let i = 0; i < PALETTE; i++) view.setFloat32(HEADER + 4 * i, palette[i] as number, true);
  let at = HEADER + PALETTE * 4;
  for (const set of sets) {
    for (const v of set.images) out[at++] = codes.get(v) as number;
    out.set(set.labels, at);
    at += set.count;
  }
  return out;
}

/** Unpacks the file's bytes into the split (float32 images in [0, 1], labels 0–9). */
export function decodeDigits(bytes: ArrayBuffer | Uint8Array): MnistSplit {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const magic = String.fromCharCode(...u8.subarray(0, 4));
  if (u8.byteLength < HEADER + PALETTE * 4 || magic !== MAGIC || view.getUint32(4, true) !== VERSION) {
    throw new Error(`not a version-${VERSION} ${MAGIC} digits file`);
  }
  const trainCount = view.getUint32(8, true);
  const testCount = view.getUint32(12, true);
  const size = view.getUint32(16, true);
  const palette = new Float32Array(PALETTE);
  for (let i = 0; i < PALETTE; i++) palette[i] = view.getFloat32(HEADER + 4 * i, true);
  const expected = HEADER + PALETTE * 4 + (trainCount + testCount) * (size + 1);
  if (u8.byteLength !== expected) throw new Error(`the digits file has ${u8.byteLength} bytes, its header says ${expected}`);
  let at = HEADER + PALETTE * 4;
  const read = (count: number): Digits => {
    const images = new Float32Array(count * size);
    for (let i = 0; i < images.length; i++) images[i] = palette[u8[at + i] as number] as number;
    at += images.length;
    const labels = u8.slice(at, at + count);
    at += count;
    return { images, labels, count };
  };
  const train = read(trainCount);
  const test = read(testCount);
  return { train, test };
}
