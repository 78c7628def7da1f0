/**
 * Eager autograd (DESIGN.md §4). Each differentiable op records a `GradNode` on its output holding
 * what its backward needs; `runBackward` walks the graph in reverse topological order without
 * recursion and accumulates into leaf gradients with `+=` (and into the `.grad` of a non-leaf
 * on which `retainGrads()` was called).
 */
import { RuntimeError, TypeError as PaddleTypeError } from '../errors.js';
import type { DataArray } from './dtype.js';
import type { SelectedRows } from './selected-rows.js';
import type { RunsGrad } from './runs-grad.js';
import type { Tensor } from './tensor.js';

/** What a backward function returns per input: a dense gradient (same shape as the input), a
 * row-sparse one (`Embedding({ sparse: true })`), a dense one given as its nonzero runs (slice,
 * split, chunk), or null where the input gets no gradient. */
export type GradValue = DataArray | SelectedRows | RunsGrad;

/**
 * Backward of one op: receives the gradient of the op's output (a typed array of the output's
 * dtype and shape) and returns one entry per recorded input (null where no gradient flows or the
 * input does not need one). Dense results may be any typed array; they are rounded into the
 * input's dtype when accumulated.
 */
export type BackwardFn = (gradOutput: DataArray) => readonly (GradValue | null)[];

export class GradNode {
  released = false;
  constructor(
    readonly opName: string,
    readonly inputs: readonly Tensor[],
    private backwardFn: BackwardFn | null,
  ) {}

  /** Runs the backward; throws if the graph was freed by an earlier `backward()`. */
  apply(gradOutput: DataArray): readonly (GradValue | null)[] {
    if (this.released || this.backwardFn === null) {
      throw new RuntimeError(
        `Trying to backward through the same graph a second time (op '${this.opName}'): its saved values were freed by the first backward(). Pass { retainGraph: true } to the first backward() if you need to call it twice.`,
      );
    }
    return this.backwardFn(gradOutput);
  }

  /** Frees what the backward holds (called after a backward() without retainGraph). */
  release(): void {
    this.released = true;
    this.backwardFn = null;
  }
}

let gradEnabled = true;

/**
 * `paddle.is_grad_enabled()`: whether ops record gradients now (false inside {@link noGrad}).
 * @returns `true` when ops record gradients.
 */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/**
 * Runs `fn` with gradient recording off (`paddle.no_grad`); the previous mode comes back
 * afterwards, also when `fn` throws.
 * @param fn - The code to run without recording (the body of Paddle's `with paddle.no_grad():`).
 * @returns What `fn` returns.
 * @throws {@link errors.TypeError} when `fn` is not a function (nothing changes).
 */
export function noGrad<T>(fn: () => T): T {
  if (typeof fn !== 'function') {
    throw new PaddleTypeError(`no_grad: the body must be a function (noGrad(() => ...)), but received ${fn === null ? 'null' : typeof fn}.`);
  }
  const prev = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = prev;
  }
}

/**
 * `paddle.set_grad_enabled(mode)`. Called alone it turns recording on or off and returns the
 * previous state (Paddle's call sets the mode too). Paddle's context use,
 * `with paddle.set_grad_enabled(False): body`, is `setGradEnabled(false, () => body)`: `fn` runs
 * with the mode, the previous mode comes back afterwards (also when `fn` throws), and its result
 * is returned.
 * @param enabled - `true` to record gradients, `false` not to (Paddle's `mode`).
 * @returns The previous mode.
 * @throws {@link errors.TypeError} when `enabled` is not a boolean.
 */
export function setGradEnabled(enabled: boolean): boolean;
/**
 * `with paddle.set_grad_enabled(mode): body` as `setGradEnabled(mode, () => body)`: `fn` runs with
 * the mode, and the previous mode comes back afterwards (also when `fn` throws).
 * @param enabled - `true` to record gradients inside `fn`, `false` not to (Paddle's `mode`).
 * @param fn - The body of Paddle's `with` block.
 * @returns What `fn` returns.
 * @throws {@link errors.TypeError} when `enabled` is not a boolean or `fn` is not a function.
 */
export function setGradEnabled<T>(enabled: boolean, fn: () => T): T;
export function setGradEnabled<T>(enabled: boolean, fn?: () => T): boolean | T {
  if (typeof enabled !== 'boolean') {
    throw new PaddleTypeError(
      `set_grad_enabled: 'mode' must be a boolean, but received ${typeof enabled === 'function' ? 'a function (the body goes second: setGradEnabled(false, () => ...))' : typeof enabled}.`,
    );
  }
  if (fn !== undefined && typeof fn !== 'function') {
    throw new PaddleTypeError(`set_grad_enabled: the body must be a function, but received ${typeof fn}.`);
  }
  const prev = gradEnabled;
  gradEnabled = enabled;
  if (fn === undefined) return prev;
  try {
    return fn();
  } finally {
    gradEnabled = prev;
  }
}

/**
 * Accumulation hooks, supplied by tensor.ts (which owns leaf-gradient storage) to avoid a cycle.
 */
export interface BackwardHooks {
  /** Adds `g` into the leaf's `.grad` (allocating it on first use). */
  accumulateLeaf(leaf: Tensor, g: GradValue): void;
  /**
   * Sums two gradients for the same non-leaf tensor (returns a new or reused value). `aOwned`: `a`
   * is a sum this hook returned earlier in the same sweep and nothing else holds it, so it may be
   * added into in place.
   */
  add(target: Tensor, a: GradValue, b: GradValue, aOwned: boolean): GradValue;
  /** Dense array for a non-leaf gradient (densifies sparse), in the tensor's dtype. */
  toDense(target: Tensor, g: GradValue): DataArray;
}

/**
 * Reverse-mode sweep from `root` seeded with `seed`. Iterative: a DFS with an explicit stack
 * builds the topological order, so a 100,000-node chain does not overflow the JS stack.
 */
export function runBackward(
  root: Tensor,
  seed: DataArray,
  retainGraph: boolean,
  hooks: BackwardHooks,
): void {
  const rootNode = root.gradNode;
  if (rootNode === null) {
    if (!root.stopGradient) hooks.accumulateLeaf(root, seed);
    return;
  }
  // Topological order of nodes (post-order DFS, iterative).
  const order: GradNode[] = [];
  const visited = new Set<GradNode>();
  const stack: { node: GradNode; next: number }[] = [{ node: rootNode, next: 0 }];
  visited.add(rootNode);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { node: GradNode; next: number };
    if (top.next < top.node.inputs.length) {
      const input = top.node.inputs[top.next++] as Tensor;
      const child = input.gradNode;
      if (child !== null && !input.stopGradient && !visited.has(child)) {
        visited.add(child);
        stack.push({ node: child, next: 0 });
      }
    } else {
      order.push(top.node);
      stack.pop();
    }
  }
  // Pending gradients of non-leaf outputs, keyed by their node (`owned`: a sum made by hooks.add
  // that only this entry holds, so the next gradient for it may be added in place).
  const pending = new Map<GradNode, { tensor: Tensor; grad: GradValue; owned: boolean }>();
  pending.set(rootNode, { tensor: root, grad: seed, owned: false });
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as GradNode;
    const entry = pending.get(node);
    pending.delete(node);
    if (entry === undefined) continue;
    const gOut = hooks.toDense(entry.tensor, entry.grad);
    if (entry.tensor.retainsGrad) hooks.accumulateLeaf(entry.tensor, gOut); // retain_grads()
    const grads = node.apply(gOut);
    for (let k = 0; k < node.inputs.length; k++) {
      const input = node.inputs[k] as Tensor;
      const g = grads[k];
      if (g === null || g === undefined || input.stopGradient) continue;
      const inNode = input.gradNode;
      if (inNode === null) {
        hooks.accumulateLeaf(input, g);
      } else {
        const prev = pending.get(inNode);
        pending.set(
          inNode,
          prev === undefined ? { tensor: input, grad: g, owned: false } : { tensor: input, grad: hooks.add(input, prev.grad, g, prev.owned), owned: true },
        );
      }
    }
    if (!retainGraph) node.release();
  }
}

/** Paddle spellings. */
export { noGrad as no_grad, isGradEnabled as is_grad_enabled, setGradEnabled as set_grad_enabled };
