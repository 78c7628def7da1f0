/**
 * What the conformance table accounts for besides the area files: every exported name is either
 * a Paddle API with its examples here (an area file), a Paddle API whose examples another test
 * file ports (`COVERED_ELSEWHERE`), a Paddle API whose docstring has no example
 * (`NO_EXAMPLE`), a Paddle API added by other work that has not ported its examples yet
 * (`PENDING`), or a name of this library with no Paddle counterpart (`LIBRARY_ONLY`).
 * coverage.test.ts fails on an exported name found in none of them.
 */
import * as paddle from '../../../src/index.js';

/** Examples of a Paddle API that another test file ports. */
export interface CoveredElsewhere {
  api: string;
  file: string;
  ported: number;
  notPortable: number;
  why: string;
}

const LR_FILE = 'tests/lr/docstring-examples.test.ts';
const SCHEDULERS_WITH_STATIC = [
  'NoamDecay', 'PiecewiseDecay', 'NaturalExpDecay', 'InverseTimeDecay', 'PolynomialDecay', 'LinearWarmup',
  'ExponentialDecay', 'MultiStepDecay', 'StepDecay', 'LambdaDecay', 'ReduceOnPlateau', 'CosineAnnealingDecay',
  'OneCycleLR', 'CyclicLR', 'LinearLR', 'CosineAnnealingWarmRestarts',
];

export const COVERED_ELSEWHERE: CoveredElsewhere[] = [
  ...SCHEDULERS_WITH_STATIC.map((s) => ({
    api: `paddle.optimizer.lr.${s}`,
    file: LR_FILE,
    ported: 1,
    notPortable: 1,
    why: 'the dygraph example prints every epoch with verbose=True, compared line by line; the second example is static graph',
  })),
  { api: 'paddle.optimizer.lr.MultiplicativeDecay', file: LR_FILE, ported: 1, notPortable: 0, why: 'the dygraph example, printed lines compared' },
  { api: 'paddle.optimizer.lr.LRScheduler', file: LR_FILE, ported: 1, notPortable: 0, why: 'the subclassing example (a StepDecay written as an LRScheduler subclass)' },
];

/** Paddle APIs this package exports whose Paddle docstring shows no example. */
export const NO_EXAMPLE: Record<string, string> = {
  'paddle.detach': "Paddle's source has no docstring example for it (the method Tensor.detach has a static-graph one)",
  'paddle.Tensor': 'the class has no docstring example; its methods are listed under paddle.Tensor.*',
  'paddle.Parameter': 'no docstring example (paddle.create_parameter makes one)',
  'paddle.nn.SiLU': "Paddle's class is paddle.nn.Silu (its example is under that name)",
  'paddle.regularizer.WeightDecayRegularizer': 'the base class has no example',
  'paddle.nn.initializer.Initializer': 'the base class has no example',
  'paddle.optimizer.PiecewiseLR': "older Paddle's name of PiecewiseDecay (the seed document uses it; tests/lr covers it)",
  'paddle.reduce_mean': "older Paddle's name of paddle.mean (fluid.layers.reduce_mean)",
  'paddle.getitem': "Python's x[index]: no function of that name in Paddle; indexing is covered by tests/ops",
  'paddle.setitem': "Python's x[index] = v: no function of that name in Paddle; covered by tests/ops",
  'paddle.nn.RNNCellBase': 'the base class has no example (nor has its get_initial_states); the cells that extend it have theirs',
  'paddle.nn.RNNBase': 'the base class of SimpleRNN, LSTM and GRU has no example; theirs are ported',
};

/**
 * Paddle APIs other work added to this package; their examples are theirs to port (add a case to
 * an area file and remove the name here: coverage.test.ts fails on a name listed in both).
 */
export const PENDING: Record<string, string> = {};

/** Exported names with no Paddle counterpart (the library's own), and why they exist. */
export const LIBRARY_ONLY: Record<string, string> = {
  'paddle.TENSOR_METHOD_NAMES': 'the list of Tensor method forms',
  'paddle.ParameterBase': "the Parameter base class (Paddle's EagerParamBase is internal)",
  'paddle.SelectedRows': "the row-sparse gradient (Paddle's SelectedRows is internal)",
  'paddle.getParameterAllocator': 'kernel heap allocation',
  'paddle.setParameterAllocator': 'kernel heap allocation',
  'paddle.jsAllocator': 'kernel heap allocation',
  'paddle.memory': 'kernel heap statistics (cf. tf.memory())',
  'paddle.kernels': 'kernel backends (reference, WebAssembly SIMD, threads)',
  'paddle.device.get_num_threads': 'the kernel thread count',
  'paddle.device.set_num_threads': 'the kernel thread count',
  'paddle.variance': 'paddle.var under a name JavaScript can import (var is a reserved word)',
  'paddle.compat': "other frameworks' optimizers over this package's tensors (compat.torch.RMSprop)",
  'paddle.setLogSink': 'where verbose output goes (JavaScript has no stdout in browsers)',
  'paddle.errors': "the error classes (Python's built-in exceptions)",
  'paddle.io': "file formats of paddle.save/load (not Paddle's paddle.io data loading)",
  'paddle.saveSync': 'synchronous paddle.save',
  'paddle.loadSync': 'synchronous paddle.load',
  'paddle.saveBytes': 'paddle.save to memory (Python passes a BytesIO)',
  'paddle.loadBytes': 'paddle.load from memory (Python passes a BytesIO)',
  'paddle.initialSeed': 'the seed last set (Paddle keeps it in its generator)',
  'paddle.nn.convertCamelToSnake': 'the helper behind layer name scopes',
  'paddle.nn.isParameterNameUsed': 'explicit parameter names (Paddle keeps them in its program)',
  'paddle.nn.resetParameterNames': 'explicit parameter names (tests)',
  'paddle.nn.ClipGradBase': 'the clips\' base class',
  'paddle.nn.GradientClipBase': "older Paddle's name of ClipGradBase",
  'paddle.nn.GradientClipByGlobalNorm': "older Paddle's name of ClipGradByGlobalNorm",
  'paddle.nn.GradientClipByNorm': "older Paddle's name of ClipGradByNorm",
  'paddle.nn.GradientClipByValue': "older Paddle's name of ClipGradByValue",
  'paddle.nn.initializer.computeFans': 'the fan computation of the Xavier/Kaiming initializers',
  'paddle.nn.initializer.globalWeightInitializer': 'what set_global_initializer set',
  'paddle.nn.initializer.globalBiasInitializer': 'what set_global_initializer set',
  'paddle.optimizer.lr.LR_SCHEDULER_OPTION_KEYS': 'the option keys every scheduler takes',
  'paddle.optimizer.lr.isLRScheduler': 'a type guard',
  'paddle.optimizer.lr.isScalarTensorLike': 'a type guard',
  'paddle.optimizer.lr.isBetter': "ReduceOnPlateau's comparison",
  'paddle.optimizer.lr.cosAnnealing': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.cosineAnnealingLr': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.cyclicPosition': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.exponentialDecayLr': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.inverseTimeDecayLr': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.linearAnnealing': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.linearWarmupLr': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.multiStepDecayLr': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.naturalExpDecayLr': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.noamDecayLr': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.oneCycleLr': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.oneCyclePhases': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.piecewiseDecayLr': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.polynomialDecayLr': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.stepDecayLr': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.warmRestartsLr': 'the closed forms the schedulers use',
  'paddle.optimizer.lr.warmRestartsPosition': 'the closed forms the schedulers use',
};

/** Namespaces walked for exported names, with Paddle's prefix. */
const NAMESPACES: [string, Record<string, unknown>][] = [
  ['paddle', paddle as unknown as Record<string, unknown>],
  ['paddle.nn', paddle.nn as unknown as Record<string, unknown>],
  ['paddle.nn.functional', paddle.nn.functional as unknown as Record<string, unknown>],
  ['paddle.nn.initializer', paddle.nn.initializer as unknown as Record<string, unknown>],
  ['paddle.optimizer', paddle.optimizer as unknown as Record<string, unknown>],
  ['paddle.optimizer.lr', paddle.optimizer.lr as unknown as Record<string, unknown>],
  ['paddle.regularizer', paddle.regularizer as unknown as Record<string, unknown>],
  ['paddle.device', paddle.device as unknown as Record<string, unknown>],
  ['paddle.linalg', paddle.linalg as unknown as Record<string, unknown>],
];

/** Sub-namespaces: walked separately (or library-only), not APIs of their own. */
const SKIP = new Set(['paddle.nn', 'paddle.optimizer', 'paddle.regularizer', 'paddle.device', 'paddle.linalg', 'paddle.utils',
  'paddle.nn.functional', 'paddle.nn.initializer', 'paddle.optimizer.lr']);

/**
 * The exported names, Paddle-spelled: a camelCase alias of a snake_case export (the same function
 * object) counts once, under the snake_case name; an object re-exported under the same name by a
 * later namespace (`paddle.nn.ParamAttr` after `paddle.ParamAttr`) counts once, at the first.
 */
export function exportedApis(): string[] {
  const names: string[] = [];
  const seen = new Map<unknown, string[]>(); // object → the keys it was exported under so far
  for (const [prefix, ns] of NAMESPACES) {
    const keys = Object.keys(ns).sort();
    for (const k of keys) {
      const full = `${prefix}.${k}`;
      if (SKIP.has(full)) continue;
      const v = ns[k];
      const snakeTwin = keys.find((o) => o !== k && ns[o] === v && o.includes('_'));
      if (/[A-Z]/.test(k) && /^[a-z]/.test(k) && snakeTwin !== undefined) continue;
      // The same object re-exported under the same name by another namespace counts once.
      if ((seen.get(v) ?? []).includes(k)) continue;
      seen.set(v, [...(seen.get(v) ?? []), k]);
      names.push(full);
    }
  }
  names.push('paddle.utils.unique_name.generate', 'paddle.utils.unique_name.guard');
  return names;
}
