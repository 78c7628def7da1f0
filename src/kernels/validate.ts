/**
 * Argument checks shared by every backend, so each throws the same error, before anything is
 * modified.
 */
import { TypeError as PaddleTypeError, ValueError } from '../errors.js';
import type { KernelDType, RmspropHyper, RmspropSlot } from './types.js';

const SLOT_ARRAYS = ['param', 'grad', 'meanSquare', 'moment', 'meanGrad'] as const;

function arrayTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
}

function checkDType(dtype: unknown): asserts dtype is KernelDType {
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new PaddleTypeError(
      `The kernel dtype must be 'float32' or 'float64', but received ${JSON.stringify(dtype)}.`,
    );
  }
}

// The checks build their message only when they fail: a step allocates nothing.

function checkArray(dtype: KernelDType, value: unknown, index: number, key: string): void {
  const ok = dtype === 'float32' ? value instanceof Float32Array : value instanceof Float64Array;
  if (!ok) {
    const want = dtype === 'float32' ? 'Float32Array' : 'Float64Array';
    throw new PaddleTypeError(
      `The kernel input ${where(index, key)} must be a ${want} for dtype ${dtype}, but received ${arrayTypeName(value)}.`,
    );
  }
}

function checkNumber(value: unknown, index: number, key: string): void {
  if (typeof value !== 'number') {
    throw new PaddleTypeError(
      `The kernel input ${where(index, key)} must be a number, but received ${arrayTypeName(value)}.`,
    );
  }
}

function where(index: number, key: string): string {
  if (index < 0) return key;
  return key === '' ? `arrays[${index}]` : `slots[${index}].${key}`;
}

/** Checks a group of RMSProp slots; returns the total number of elements. */
export function validateSlots(
  dtype: KernelDType,
  slots: readonly RmspropSlot<Float32Array | Float64Array>[],
): number {
  checkDType(dtype);
  let total = 0;
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s];
    if (slot === undefined || slot === null || typeof slot !== 'object') {
      throw new PaddleTypeError(
        `The kernel input slots[${s}] must be an object, but received ${arrayTypeName(slot)}.`,
      );
    }
    checkArray(dtype, slot.param, s, 'param');
    checkArray(dtype, slot.grad, s, 'grad');
    checkArray(dtype, slot.meanSquare, s, 'meanSquare');
    checkArray(dtype, slot.moment, s, 'moment');
    checkArray(dtype, slot.meanGrad, s, 'meanGrad');
    const n = slot.param.length;
    if (
      slot.grad.length !== n ||
      slot.meanSquare.length !== n ||
      slot.moment.length !== n ||
      slot.meanGrad.length !== n
    ) {
      for (const key of SLOT_ARRAYS) {
        if (slot[key].length !== n) {
          throw new ValueError(
            `The kernel input slots[${s}].${key} must have the length of slots[${s}].param (${n}), but received length ${slot[key].length}.`,
          );
        }
      }
    }
    checkScalars(slot, s);
    total += n;
  }
  return total;
}

function checkScalars(slot: RmspropSlot<Float32Array | Float64Array>, s: number): void {
  checkNumber(slot.lr, s, 'lr');
  if (slot.clipMin !== undefined) checkNumber(slot.clipMin, s, 'clipMin');
  if (slot.clipMax !== undefined) checkNumber(slot.clipMax, s, 'clipMax');
  if (slot.gradScale !== undefined) checkNumber(slot.gradScale, s, 'gradScale');
  if (slot.decay !== undefined) {
    const kind: unknown = slot.decay.kind;
    if (kind !== 'l1' && kind !== 'l2') {
      throw new ValueError(
        `The kernel input slots[${s}].decay.kind must be 'l1' or 'l2', but received ${JSON.stringify(kind)}.`,
      );
    }
    checkNumber(slot.decay.coeff, s, 'decay.coeff');
  }
}

/**
 * The checks of `validateSlots` that do not involve the arrays, for a group whose arrays are
 * known to be the ones already checked (same objects, heap unchanged).
 */
export function validateSlotScalars(slots: readonly RmspropSlot<Float32Array | Float64Array>[]): void {
  for (let s = 0; s < slots.length; s++) checkScalars(slots[s]!, s);
}

/** Checks the arrays of a sum of squares; returns the total number of elements. */
export function validateArrays(
  dtype: KernelDType,
  arrays: readonly (Float32Array | Float64Array)[],
): number {
  checkDType(dtype);
  let total = 0;
  for (let a = 0; a < arrays.length; a++) {
    const arr = arrays[a];
    checkArray(dtype, arr, a, '');
    total += (arr as Float32Array | Float64Array).length;
  }
  return total;
}

/** Checks the hyper-parameters' types (their values are the optimizer's business). */
export function validateHyper(hyper: RmspropHyper): void {
  if (hyper === null || typeof hyper !== 'object') {
    throw new PaddleTypeError(
      `The kernel input hyper must be an object, but received ${arrayTypeName(hyper)}.`,
    );
  }
  checkNumber(hyper.rho, -1, 'hyper.rho');
  checkNumber(hyper.epsilon, -1, 'hyper.epsilon');
  checkNumber(hyper.momentum, -1, 'hyper.momentum');
  if (typeof hyper.centered !== 'boolean') {
    throw new PaddleTypeError(
      `The kernel input hyper.centered must be a boolean, but received ${arrayTypeName(hyper.centered)}.`,
    );
  }
}
