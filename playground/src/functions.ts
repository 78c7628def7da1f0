/**
 * The playground's 2-D test functions. Each has two forms that compute the same function:
 * `loss(p)` with the library's differentiable ops on the 2-element parameter `p = [x, y]` (what
 * RMSProp minimises, gradients by autograd), and `value(x, y)` in plain float64 JavaScript (what
 * the heat map and its contours are drawn from).
 *
 * Imported by the page and by tests/browser/playground.test.ts, which recomputes runs in Node.
 */
import * as paddle from '../../src/index.js';

/** A rectangle of the (x, y) plane. */
export interface View {
  readonly xmin: number;
  readonly xmax: number;
  readonly ymin: number;
  readonly ymax: number;
}

/** One test function of the trajectories panel. */
export interface TestFunction {
  /** Key used in the page's select and in tests. */
  readonly id: FunctionId;
  /** Name shown in the select. */
  readonly label: string;
  /** The formula as plain text. */
  readonly formula: string;
  /** The function on the parameter `p` (shape [2]), with autograd. */
  loss(p: paddle.Tensor): paddle.Tensor;
  /** The same function in float64, for drawing. */
  value(x: number, y: number): number;
  /** Where runs start unless the user clicks elsewhere. */
  readonly start: readonly [number, number];
  /** The plotted rectangle. */
  readonly view: View;
  /** Global minimiser(s) marked on the plot. */
  readonly minima: ReadonlyArray<readonly [number, number]>;
  /** Default learning rate and step count for this function. */
  readonly lr: number;
  readonly steps: number;
  /** Whether the f(x_t) chart uses a log scale (false where f goes below 0). */
  readonly logScale: boolean;
}

export type FunctionId = 'rosenbrock' | 'beale' | 'saddle' | 'quadratic';

const { add, subtract, multiply, square, scale } = paddle;

/** x and y of the parameter as 0-d tensors (their gradients flow back into p). */
function xy(p: paddle.Tensor): [paddle.Tensor, paddle.Tensor] {
  return [p.get('0'), p.get('1')];
}

const rosenbrock: TestFunction = {
  id: 'rosenbrock',
  label: 'Rosenbrock',
  formula: 'f(x, y) = (1 − x)² + 100·(y − x²)²',
  loss(p) {
    const [x, y] = xy(p);
    return add(square(subtract(1, x)), scale(square(subtract(y, square(x))), { scale: 100 }));
  },
  value: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  start: [-1.5, 2.5],
  view: { xmin: -2, xmax: 2, ymin: -1, ymax: 3 },
  minima: [[1, 1]],
  lr: 0.01,
  steps: 400,
  logScale: true,
};

const beale: TestFunction = {
  id: 'beale',
  label: 'Beale',
  formula: 'f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²',
  loss(p) {
    const [x, y] = xy(p);
    const y2 = square(y);
    const y3 = multiply(y2, y);
    const term = (c: number, yk: paddle.Tensor): paddle.Tensor => square(add(subtract(c, x), multiply(x, yk)));
    return add(add(term(1.5, y), term(2.25, y2)), term(2.625, y3));
  },
  value: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y * y * y) ** 2,
  start: [1, 1.5],
  view: { xmin: -4.5, xmax: 4.5, ymin: -4.5, ymax: 4.5 },
  minima: [[3, 0.5]],
  lr: 0.01,
  steps: 400,
  logScale: true,
};

const saddle: TestFunction = {
  id: 'saddle',
  label: 'Saddle',
  formula: 'f(x, y) = x² − y²',
  loss(p) {
    const [x, y] = xy(p);
    return subtract(square(x), square(y));
  },
  value: (x, y) => x * x - y * y,
  start: [-1.5, 0.01],
  view: { xmin: -2, xmax: 2, ymin: -2, ymax: 2 },
  minima: [],
  lr: 0.01,
  steps: 300,
  logScale: false,
};

const quadratic: TestFunction = {
  id: 'quadratic',
  label: 'Ill-conditioned quadratic',
  formula: 'f(x, y) = ½·(x² + 100·y²)   (condition number 100)',
  loss(p) {
    const [x, y] = xy(p);
    return scale(add(square(x), scale(square(y), { scale: 100 })), { scale: 0.5 });
  },
  value: (x, y) => 0.5 * (x * x + 100 * y * y),
  start: [-1.8, 0.9],
  view: { xmin: -2, xmax: 2, ymin: -1, ymax: 1 },
  minima: [[0, 0]],
  lr: 0.02,
  steps: 300,
  logScale: true,
};

/** The four test functions, in the order of the page's select. */
export const FUNCTIONS: Readonly<Record<FunctionId, TestFunction>> = { rosenbrock, beale, saddle, quadratic };
