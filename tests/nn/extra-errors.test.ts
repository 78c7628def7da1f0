/**
 * The error table of the nn.functional additions of issue 12 and their layers: error class and
 * message (Paddle's wording where Paddle has one).
 */
import { describe, it } from 'vitest';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import * as nn from '../../src/nn/index.js';
import { toTensor } from '../../src/tensor/creation.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { expectError } from '../helpers/errors.js';

const F = nn.functional;
const f64 = (v: number[] | number[][]): Tensor => toTensor(v, { dtype: 'float64' });
const i64 = (v: number[] | number[][]): Tensor => toTensor(v, { dtype: 'int64' });
const bad = <T>(v: unknown): T => v as T;
const p = f64([[0.2, 0.7], [0.5, 0.9]]);
const y = f64([[0, 1], [1, 0]]);

type Row = [string, () => unknown, new (...args: never[]) => Error, RegExp];

const table: Row[] = [
  ['leaky_relu of integers', () => F.leakyRelu(i64([1])), PaddleTypeError, /^leaky_relu: the argument 'x' must have dtype float32 or float64, but its dtype is int64\.$/],
  ['leaky_relu slope type', () => F.leakyRelu(p, { negativeSlope: bad('0.1') }), PaddleTypeError, /^leaky_relu: the 'negativeSlope' must be a number, but received "0\.1"\.$/],
  ['leaky_relu snake_case', () => F.leakyRelu(p, bad({ negative_slope: 0.1 })), PaddleTypeError, /Did you mean 'negativeSlope' \(Paddle's 'negative_slope'\)\?/],
  ['elu alpha type', () => F.elu(p, bad('1')), PaddleTypeError, /^elu: the 'alpha' must be a number, but received "1"\.$/],
  ['softplus unknown option', () => F.softplus(p, bad({ alpha: 1 })), PaddleTypeError, /^softplus got an unexpected option 'alpha'/],
  ['normalize 1-D axis', () => F.normalize(f64([1, 2])), ValueError, /^Axis must be 0 or -1 when x is a 1-D tensor, but received axis = 1$/],
  ['bce input range', () => F.binaryCrossEntropy(f64([0.5, 1.5]), f64([0, 1])), ValueError, /^Illegal input, input must be less than or equal to 1 \(input\[1\] = 1\.5\)\.$/],
  ['bce negative input', () => F.binaryCrossEntropy(f64([-0.1]), f64([0])), ValueError, /^Illegal input, input must be greater than {2}or equal to 0/],
  ['bce reduction', () => F.binaryCrossEntropy(p, y, { reduction: bad('avg') }), ValueError, /^The value of 'reduction' in binary_cross_entropy should be 'sum', 'mean' or 'none', but received avg, which is not allowed\.$/],
  ['bce shapes', () => F.binaryCrossEntropy(p, f64([0, 1])), ValueError, /^binary_cross_entropy: the shape of 'input' \[2, 2\] must equal the shape of 'label' \[2\]\.$/],
  ['bce label dtype', () => F.binaryCrossEntropy(p, i64([[0, 1], [1, 0]])), PaddleTypeError, /^binary_cross_entropy: the argument 'label' must have dtype float32 or float64, but its dtype is int64\.$/],
  ['bce weight shape', () => F.binaryCrossEntropy(p, y, { weight: f64([1, 2, 3]) }), ValueError, /^binary_cross_entropy \('input', 'weight'\): the shapes \[2, 2\] and \[3\] cannot be broadcast together/],
  ['bce_with_logits posWeight', () => F.binaryCrossEntropyWithLogits(p, y, { posWeight: f64([[1], [2], [3]]) }), ValueError, /^binary_cross_entropy_with_logits \('logit', 'posWeight'\): the shapes/],
  ['bce_with_logits reduction', () => F.binary_cross_entropy_with_logits(p, y, { reduction: bad('x') }), ValueError, /in binary_cross_entropy_with_logits should be 'sum', 'mean' or 'none', but received x/],
  ['nll 1-D input', () => F.nllLoss(f64([1, 2]), i64([0])), ValueError, /^Expected 2 or more dimensions \(got 1\)$/],
  ['nll 0-D input', () => F.nllLoss(toTensor(1, { dtype: 'float64' }), i64([0])), ValueError, /^Input should not be 0D tensor\.$/],
  ['nll label shape', () => F.nllLoss(p, i64([0, 1, 1])), ValueError, /^Expected input batch_size \(2\) to match label batch_size \(3\)/],
  ['nll label dtype', () => F.nllLoss(p, f64([0, 1])), PaddleTypeError, /^nll_loss: the 'label' must have dtype int64 \(or int32\), but its dtype is float64\.$/],
  ['nll label range', () => F.nllLoss(p, i64([0, 2])), ValueError, /^Label value is out of range\. Expected label value in range of \[0, 2\), but received value is 2\.$/],
  ['nll weight shape', () => F.nllLoss(p, i64([0, 1]), { weight: f64([1, 2, 3]) }), ValueError, /^nll_loss: the 'weight' must be 1-D with one entry per class \(2\), but its shape is \[3\]\.$/],
  ['nll reduction', () => F.nll_loss(p, i64([0, 1]), { reduction: bad('max') }), ValueError, /^The value of 'reduction' in nll_loss should be 'sum', 'mean' or 'none', but received max, which is not allowed\.$/],
  ['smooth_l1 delta type', () => F.smoothL1Loss(p, y, { delta: bad('1') }), PaddleTypeError, /^smooth_l1_loss: the 'delta' must be a number, but received "1"\.$/],
  ['kl_div reduction', () => F.klDiv(p, y, { reduction: bad('batch') }), ValueError, /^The value of 'reduction' in kl_div should be 'sum', 'mean', 'batchmean' or 'none', but received batch, which is not allowed\.$/],
  ['kl_div logTarget type', () => F.kl_div(p, y, { logTarget: bad(1) }), PaddleTypeError, /^kl_div: the 'logTarget' must be a boolean, but received 1\.$/],
  ['one_hot float input', () => F.oneHot(f64([1]), 3), PaddleTypeError, /^one_hot: the argument 'x' must have dtype int32 or int64, but its dtype is float64\.$/],
  ['one_hot too large', () => F.one_hot(i64([1, 3]), 3), ValueError, /^Illegal index value, Input\(input\) value should be less than Input\(depth\), but received input \(3\) not less than depth \(3\)$/],
  ['one_hot negative', () => F.one_hot(i64([-1]), 3), ValueError, /^Illegal index value, Input\(input\) value should be at least 0, but received input \(-1\) less than 0$/],
  ['one_hot num_classes', () => F.one_hot(i64([0]), 0), ValueError, /^one_hot: the 'num_classes' must be a positive integer, but received 0\.$/],
  ['LeakyReLU option', () => new nn.LeakyReLU(bad({ slope: 1 })), PaddleTypeError, /^LeakyReLU got an unexpected option 'slope'/],
  ['ELU too many arguments', () => new (nn.ELU as unknown as new (...a: unknown[]) => unknown)(1, 'n', 3), PaddleTypeError, /^ELU takes at most 2 positional arguments/],
  ['Softplus beta', () => new nn.Softplus({ beta: bad('2') }), PaddleTypeError, /^Softplus: the 'beta' must be a number, but received "2"\.$/],
  ['NLLLoss reduction at construction', () => new nn.NLLLoss({ reduction: bad('avg') }), ValueError, /in nll_loss should be 'sum', 'mean' or 'none', but received avg/],
  ['BCELoss reduction', () => new nn.BCELoss({ reduction: bad('avg') }), ValueError, /in BCELoss should be 'sum', 'mean' or 'none', but received avg/],
  ['BCEWithLogitsLoss snake_case', () => new nn.BCEWithLogitsLoss(bad({ pos_weight: p })), PaddleTypeError, /Did you mean 'posWeight' \(Paddle's 'pos_weight'\)\?/],
  ['SmoothL1Loss reduction', () => new nn.SmoothL1Loss({ reduction: bad('avg') }), ValueError, /in SmoothL1Loss should be 'sum', 'mean' or 'none', but received avg/],
  ['KLDivLoss reduction', () => new nn.KLDivLoss({ reduction: bad('avg') }), ValueError, /in kl_div should be 'sum', 'mean', 'batchmean' or 'none', but received avg/],
];

describe('error table (issue 12 nn additions)', () => {
  for (const [name, f, kind, message] of table) {
    it(name, () => {
      expectError(f, kind, message, name);
    });
  }
});
