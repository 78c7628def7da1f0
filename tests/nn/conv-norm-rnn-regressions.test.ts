/**
 * Regressions found while porting Paddle's documentation examples of the conv / pool / norm / rnn
 * APIs (tests/docs/conformance/nn-conv-norm-rnn.test.ts) and reading their Paddle sources.
 */
import { describe, expect, it } from 'vitest';
import * as nn from '../../src/nn/index.js';
import { ValueError } from '../../src/errors.js';

describe('LSTMCell checks hidden_size before proj_size (Paddle python/paddle/nn/layer/rnn.py)', () => {
  it('hidden_size 0: the hidden_size error, not "proj_size must be smaller than hidden_size"', () => {
    for (const make of [() => new nn.LSTMCell(3, 0), () => new nn.LSTMCell(3, 0, { projSize: 2 }), () => new nn.LSTM(3, 0)]) {
      expect(make).toThrow(ValueError);
      expect(make).toThrow('hidden_size of LSTMCell must be greater than 0, but now equals to 0');
    }
  });
  it('the proj_size errors are unchanged for a valid hidden_size', () => {
    expect(() => new nn.LSTMCell(3, 4, { projSize: 4 })).toThrow('proj_size must be smaller than hidden_size');
    // Paddle's message prints hidden_size here (sic)
    expect(() => new nn.LSTMCell(3, 4, { projSize: -1 })).toThrow('proj_size of LSTMCell must be greater than 0, but now equals to 4');
  });
});
