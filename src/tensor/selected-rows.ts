/**
 * A row-sparse gradient (Paddle's `SelectedRows`), produced by `Embedding({ sparse: true })`:
 * `rows` are the ids exactly as looked up (unsorted, duplicates kept), `values` holds one row of
 * width `width` per id, and `height` is the number of rows of the dense table.
 */
import { ValueError } from '../errors.js';
import { allocArray, type DataArray, type FloatDType } from './dtype.js';

/**
 * Paddle's `SelectedRows`: a row-sparse gradient (the rows that changed, in order and with repeats,
 * and their values), as `Embedding({ sparse: true })` produces; the optimizer merges repeated rows
 * as Paddle does.
 */
export class SelectedRows {
  /**
   * A row-sparse value over the given rows (the arrays are kept, not copied).
   * @throws {@link errors.ValueError} when `values` does not hold `rows.length × width` elements, or a row id is not an integer in [0, height).
   */
  constructor(
    /** The row indices, in order, repeats kept. */
    readonly rows: readonly number[],
    /** The values of the listed rows, shape `[rows.length, width]`. */
    readonly values: Float32Array | Float64Array,
    /** The number of rows of the dense tensor this stands for. */
    readonly height: number,
    /** The number of columns. */
    readonly width: number,
    /** The dtype of the values. */
    readonly dtype: FloatDType,
  ) {
    if (values.length !== rows.length * width) {
      throw new ValueError(
        `SelectedRows: values hold ${values.length} elements, expected rows (${rows.length}) × width (${width}).`,
      );
    }
    for (const r of rows) {
      if (!Number.isInteger(r) || r < 0 || r >= height) {
        throw new ValueError(`SelectedRows: row id ${r} is outside [0, ${height}).`);
      }
    }
  }

  /** Shape of the dense table it stands for. */
  get shape(): number[] {
    return [this.height, this.width];
  }

  /**
   * Always `true` (Paddle's `is_selected_rows()`).
   * @returns `true`.
   */
  isSelectedRows(): true {
    return true;
  }

  /**
   * Rows concatenated (Paddle's sum of two SelectedRows keeps duplicates).
   * @param other - The rows to append, of the same height, width and dtype.
   * @returns A new SelectedRows with this one's rows followed by `other`'s (values copied).
   * @throws {@link errors.ValueError} when a row of `other` is outside this height, or its values do not make whole rows of this width.
   */
  concat(other: SelectedRows): SelectedRows {
    const values = allocArray(this.dtype, this.values.length + other.values.length);
    values.set(this.values, 0);
    values.set(other.values, this.values.length);
    return new SelectedRows([...this.rows, ...other.rows], values, this.height, this.width, this.dtype);
  }

  /**
   * Duplicates summed in order of appearance, rows sorted ascending (Paddle's `MergeAdd` on CPU).
   * @returns A new SelectedRows with each row id once, ascending.
   */
  merge(): SelectedRows {
    const w = this.width;
    const sums = new Map<number, Float64Array | Float32Array>();
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i] as number;
      let acc = sums.get(r);
      if (acc === undefined) {
        acc = allocArray(this.dtype, w);
        sums.set(r, acc);
      }
      for (let j = 0; j < w; j++) acc[j] = (acc[j] as number) + (this.values[i * w + j] as number);
    }
    const rows = [...sums.keys()].sort((a, b) => a - b);
    const values = allocArray(this.dtype, rows.length * w);
    rows.forEach((r, i) => values.set(sums.get(r) as Float32Array | Float64Array, i * w));
    return new SelectedRows(rows, values, this.height, w, this.dtype);
  }

  /**
   * The dense `[height, width]` gradient: duplicates summed, absent rows zero.
   * @returns A new typed array of the dtype with `height × width` elements, row-major.
   */
  toDenseArray(): Float32Array | Float64Array {
    const out = allocArray(this.dtype, this.height * this.width);
    this.addInto(out);
    return out;
  }

  /**
   * Adds the rows into a dense `[height, width]` array in place (order of appearance).
   * @param out - The dense array to add into, row-major with at least `height × width` elements.
   */
  addInto(out: DataArray): void {
    const w = this.width;
    for (let i = 0; i < this.rows.length; i++) {
      const base = (this.rows[i] as number) * w;
      for (let j = 0; j < w; j++) out[base + j] = (out[base + j] as number) + (this.values[i * w + j] as number);
    }
  }

  /**
   * A dense copy as a typed array (like `numpy()` of the densified gradient).
   * @returns The same as `toDenseArray()`: a new `height × width` typed array.
   */
  numpy(): Float32Array | Float64Array {
    return this.toDenseArray();
  }

  /**
   * A copy with its own rows and values.
   * @returns A new SelectedRows equal to this one.
   */
  clone(): SelectedRows {
    return new SelectedRows([...this.rows], this.values.slice(), this.height, this.width, this.dtype);
  }
}
