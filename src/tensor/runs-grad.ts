/**
 * A dense gradient that is zero outside some runs of contiguous elements: what the backward of
 * slice, split and chunk gives its input (ops/slicing.ts). Kept as the runs until a whole array is
 * needed, so the gradients of the T pieces of a tensor add into one array at the cost of the
 * pieces, not T whole arrays (autograd.ts runBackward; tensor.ts's hooks).
 */
import { allocArray, type DataArray, type DType } from './dtype.js';

/**
 * A gradient that is zero outside runs of contiguous elements, as slice/split/chunk give their
 * input (see the module comment); autograd makes it whole (`toDense`) or adds it (`addInto`).
 */
export class RunsGrad {
  /**
   * @param numel - The element count of the whole gradient.
   * @param run - The length of every run.
   * @param offsets - Where each run starts in the whole gradient (runs do not overlap).
   * @param values - The runs one after another (`offsets.length · run` values).
   */
  constructor(
    readonly numel: number,
    readonly run: number,
    readonly offsets: Int32Array,
    readonly values: DataArray,
  ) {}

  /**
   * The whole gradient in `dtype`: zeros with the runs written as `v + 0` (the float64 sum of one
   * term into +0, so a -0 reads +0, as every sum from zeros gives).
   * @param dtype - The dtype of the array.
   * @returns A new array of `numel` elements.
   */
  toDense(dtype: DType): DataArray {
    const out = allocArray(dtype, this.numel);
    const { run, offsets, values } = this;
    for (let r = 0; r < offsets.length; r++) {
      const off = offsets[r] as number;
      const o = r * run;
      for (let j = 0; j < run; j++) out[off + j] = (values[o + j] as number) + 0;
    }
    return out;
  }

  /**
   * `out[k] += g[k]` over the runs only (the store rounds to out's dtype). The same bits as adding
   * the whole gradient when `out` holds no -0 (x + 0 = x then, and x + (-0) = x + 0 for every x
   * that is not -0): true of the sums autograd builds, which start from +0.
   * @param out - The whole gradient to add into, of `numel` elements.
   */
  addInto(out: DataArray): void {
    const { run, offsets, values } = this;
    if (out instanceof Float32Array && values instanceof Float32Array) addRunsF32(out, values, offsets, run);
    else {
      for (let r = 0; r < offsets.length; r++) {
        const off = offsets[r] as number;
        const o = r * run;
        for (let j = 0; j < run; j++) out[off + j] = (out[off + j] as number) + (values[o + j] as number);
      }
    }
  }
}

/** RunsGrad.addInto for float32 (a loop that sees one array type stays monomorphic). */
function addRunsF32(out: Float32Array, values: Float32Array, offsets: Int32Array, run: number): void {
  for (let r = 0; r < offsets.length; r++) {
    const off = offsets[r] as number;
    const o = r * run;
    for (let j = 0; j < run; j++) out[off + j] = (out[off + j] as number) + (values[o + j] as number);
  }
}
