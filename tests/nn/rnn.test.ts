/**
 * SimpleRNN/LSTM/GRU, their cells and the RNN/BiRNN wrappers: forward and gradients against
 * scripts/gen-norm-rnn-fixtures.py (NumPy float64 forward of Paddle's formulas, cross-checked in
 * the generator against torch.nn.LSTM/GRU/RNN; torch float64 gradients), finite differences,
 * Paddle's parameter names and state-dict keys (both the `weight_ih_l0` and the
 * `0.cell.weight_ih` sets, save/load bytes, a Paddle-layout lstm.pdparams), sequence_length
 * semantics, dropout in train/eval, and Paddle's errors.
 */
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';
import { TypeError as PaddleTypeError, ValueError } from '../../src/errors.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { gradcheck, leaf } from '../ops/gradcheck.js';
import { expectError } from '../helpers/errors.js';
import { expectClose } from '../helpers/close.js';
import { CHECKPOINTS, F32, F64, GC, casesOf, expectEnc, fixtureBytes, tensorOf, weighted, type FixtureCase } from './norm-rnn-fixtures.js';

const nn = paddle.nn;
type Net = paddle.nn.RNNBase;
type NetOut = [Tensor, Tensor | [Tensor, Tensor]];

function withDType<T>(dtype: 'float32' | 'float64', make: () => T): T {
  const prev = paddle.getDefaultDType();
  paddle.setDefaultDType(dtype);
  try {
    return make();
  } finally {
    paddle.setDefaultDType(prev);
  }
}

function netFor(c: FixtureCase, dtype: 'float32' | 'float64' = 'float64'): Net {
  const p = c.params as { inputSize: number; hiddenSize: number; numLayers: number; direction: 'forward' | 'bidirect'; timeMajor: boolean; activation: 'tanh' | 'relu' };
  const o = { numLayers: p.numLayers, direction: p.direction, timeMajor: p.timeMajor };
  return withDType(dtype, () => {
    if (c.op === 'LSTM') return new nn.LSTM(p.inputSize, p.hiddenSize, o);
    if (c.op === 'GRU') return new nn.GRU(p.inputSize, p.hiddenSize, o);
    return new nn.SimpleRNN(p.inputSize, p.hiddenSize, { ...o, activation: p.activation });
  });
}

/** `0.cell_bw.weight_ih` → `weight_ih_l0_reverse` (the network's own name for the same parameter). */
function topLevelKey(cellKey: string): string {
  const [l, cell, n] = cellKey.split('.') as [string, string, string];
  return `${n}_l${l}${cell === 'cell_bw' ? '_reverse' : ''}`;
}

/** Loads the fixture weights through the state dict, under both of Paddle's key sets. */
function loadNet(net: Net, c: FixtureCase, dtype: 'float32' | 'float64'): void {
  const sd: Record<string, Tensor> = {};
  for (const [k, v] of Object.entries(c.weights ?? {})) {
    sd[k] = tensorOf(v, dtype);
    sd[topLevelKey(k)] = tensorOf(v, dtype);
  }
  expect(Object.keys(sd).sort()).toEqual(Object.keys(net.stateDict()).sort());
  expect(net.setStateDict(sd, { strict: true })).toEqual([[], []]);
}

function runNet(net: Net, c: FixtureCase, dtype: 'float32' | 'float64', grad: boolean): { out: NetOut; x: Tensor; h0: Tensor; c0: Tensor | null } {
  const x = tensorOf(c.inputs.x as never, dtype, grad);
  const h0 = tensorOf(c.inputs.h0 as never, dtype, grad);
  const c0 = c.inputs.c0 === undefined ? null : tensorOf(c.inputs.c0, dtype, grad);
  const init = c.params.withInit === false ? null : c0 === null ? h0 : [h0, c0];
  const lens = c.params.sequenceLength as number[] | null;
  const out = net.forward(x, init, lens === null ? null : paddle.toTensor(lens, { dtype: 'int64' })) as NetOut;
  return { out, x, h0, c0 };
}

describe('SimpleRNN / LSTM / GRU against the fixtures', () => {
  const all = [...casesOf('LSTM'), ...casesOf('GRU'), ...casesOf('RNN')];
  for (const c of all) {
    it(`${c.name} [float64, forward and gradients]`, () => {
      const net = netFor(c);
      loadNet(net, c, 'float64');
      const { out, x, h0, c0 } = runNet(net, c, 'float64', true);
      const [y, st] = out;
      const h = Array.isArray(st) ? st[0] : st;
      expectEnc(y, c.expected.out, F64, `${c.name} out`);
      expectEnc(h, c.expected.h, F64, `${c.name} h`);
      let loss = weighted(y, c.inputs.wo as never).add(weighted(h, c.inputs.wh as never));
      if (Array.isArray(st)) {
        expectEnc(st[1], c.expected.c, F64, `${c.name} c`);
        loss = loss.add(weighted(st[1], c.inputs.wc as never));
      }
      loss.backward();
      expectEnc(x.grad as Tensor, c.expected.dx, F64, `${c.name} dx`);
      if (c.params.withInit !== false) {
        expectEnc(h0.grad as Tensor, c.expected.dh0, F64, `${c.name} dh0`);
        if (c0 !== null) expectEnc(c0.grad as Tensor, c.expected.dc0, F64, `${c.name} dc0`);
      }
      const sd = net.stateDict();
      for (const [k, e] of Object.entries(c.dweights ?? {})) {
        expect(sd[k], k).toBe(sd[topLevelKey(k)]);
        expectEnc(sd[k]?.grad as Tensor, e, F64, `${c.name} d${k}`);
      }
    });
    it(`${c.name} [float32, forward]`, () => {
      const net = netFor(c, 'float32');
      loadNet(net, c, 'float32');
      const [y, st] = runNet(net, c, 'float32', false).out;
      expect(y.dtype).toBe('float32');
      expectEnc(y, c.expected.out, F32, `${c.name} out`);
      expectEnc(Array.isArray(st) ? st[0] : st, c.expected.h, F32, `${c.name} h`);
    });
  }
});

describe('the cells against the fixtures', () => {
  for (const mode of ['LSTM', 'GRU', 'RNN'] as const) {
    const c = casesOf(`${mode}Cell`)[0] as FixtureCase;
    it(`${mode} cell: forward and gradients`, () => {
      const { inputSize: I, hiddenSize: H } = c.params as { inputSize: number; hiddenSize: number };
      const cell = withDType('float64', () => (mode === 'LSTM' ? new nn.LSTMCell(I, H) : mode === 'GRU' ? new nn.GRUCell(I, H) : new nn.SimpleRNNCell(I, H)));
      const sd: Record<string, Tensor> = {};
      for (const [k, v] of Object.entries(c.weights ?? {})) sd[k] = tensorOf(v);
      expect(cell.setStateDict(sd, { strict: true })).toEqual([[], []]);
      const x = tensorOf(c.inputs.x as never, 'float64', true);
      const h0 = tensorOf(c.inputs.h0 as never, 'float64', true);
      const c0 = c.inputs.c0 === undefined ? null : tensorOf(c.inputs.c0, 'float64', true);
      let loss: Tensor;
      if (cell instanceof nn.LSTMCell) {
        const [out, [h, cc]] = cell.forward(x, [h0, c0 as Tensor]);
        expect(h).toBe(out);
        expectEnc(out, c.expected.out, F64, 'out');
        expectEnc(cc, c.expected.c, F64, 'c');
        loss = weighted(out, c.inputs.wo as never).add(weighted(cc, c.inputs.wc as never));
      } else {
        const [out, h] = (cell as paddle.nn.GRUCell).forward(x, h0);
        expect(h).toBe(out);
        expectEnc(out, c.expected.out, F64, 'out');
        loss = weighted(out, c.inputs.wo as never);
      }
      loss.backward();
      expectEnc(x.grad as Tensor, c.expected.dx, F64, 'dx');
      expectEnc(h0.grad as Tensor, c.expected.dh0, F64, 'dh0');
      if (c0 !== null) expectEnc(c0.grad as Tensor, c.expected.dc0, F64, 'dc0');
      for (const n of ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'] as const) expectEnc(cell[n].grad as Tensor, c.expected[`d${n}`], F64, `d${n}`);
    });
  }

  it('GRU: the reset gate multiplies the hidden projection after the matmul, bias included (hand-derived)', () => {
    // x = 0, h0 = 1, W_ih = 0, b_ih = 0, W_hh = [0, 0, 2]ᵀ, b_hh = [0, 0, 1]:
    // r = z = σ(0) = 0.5; c = tanh(0 + r·(2·1 + 1)) = tanh(1.5); h = (h0 − c)·z + c.
    // (Applying r before the matmul, as fluid's GRUUnit does, would give tanh(2·0.5 + 1) = tanh(2).)
    const cell = withDType('float64', () => new nn.GRUCell(1, 1));
    cell.setStateDict({ weight_ih: [[0], [0], [0]], weight_hh: [[0], [0], [2]], bias_ih: [0, 0, 0], bias_hh: [0, 0, 1] }, { strict: true });
    const [h] = cell.forward(paddle.toTensor([[0]], { dtype: 'float64' }), paddle.toTensor([[1]], { dtype: 'float64' }));
    const cand = Math.tanh(1.5);
    expectClose(Array.from(h.data), [(1 - cand) * 0.5 + cand], { rtol: 1e-15 });
  });

  it('a cell without states starts from zeros', () => {
    const cell = new nn.LSTMCell(2, 3);
    const x = paddle.randn([4, 2]);
    const [a] = cell.forward(x);
    const [b] = cell.forward(x, [paddle.zeros([4, 3]), paddle.zeros([4, 3])]);
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    const s = cell.getInitialStates(x) as Tensor[];
    expect(s.map((t) => t.shape)).toEqual([[4, 3], [4, 3]]);
  });
});

describe('finite differences (float64)', () => {
  const opts = { numLayers: 2, direction: 'bidirect' as const };
  it('LSTM, GRU, SimpleRNN: input, initial states and every parameter, with sequence lengths', () => {
    const lens = paddle.toTensor([3, 1], { dtype: 'int64' });
    const lstm = withDType('float64', () => new nn.LSTM(2, 2, opts));
    gradcheck((x, h0, c0) => {
      const [y, [h, c]] = lstm.forward(x, [h0, c0], lens) as [Tensor, [Tensor, Tensor]];
      return paddle.concat([y.flatten(), h.flatten(), c.flatten()]);
    }, [leaf([2, 3, 2], 1), leaf([4, 2, 2], 2), leaf([4, 2, 2], 3), ...lstm.parameters()], GC);
    const gru = withDType('float64', () => new nn.GRU(2, 2, { ...opts, timeMajor: true }));
    gradcheck((x, h0) => {
      const [y, h] = gru.forward(x, h0, lens) as [Tensor, Tensor];
      return paddle.concat([y.flatten(), h.flatten()]);
    }, [leaf([3, 2, 2], 4), leaf([4, 2, 2], 5), ...gru.parameters()], GC);
    const rnn = withDType('float64', () => new nn.SimpleRNN(2, 3, { activation: 'relu' }));
    gradcheck((x) => (rnn.forward(x) as [Tensor, Tensor])[0], [leaf([2, 3, 2], 6, -2, 2, (v) => (Math.abs(v) < 0.2 ? v + 0.5 : v)), ...rnn.parameters()], { ...GC, atol: 1e-7 });
  });
  it('LSTM with projSize; the RNN and BiRNN wrappers with a mask', () => {
    const lstm = withDType('float64', () => new nn.LSTM(2, 3, { projSize: 2 }));
    gradcheck((x) => (lstm.forward(x) as [Tensor, unknown])[0], [leaf([2, 3, 2], 7), ...lstm.parameters()], GC);
    const bi = withDType('float64', () => new nn.BiRNN(new nn.GRUCell(2, 2), new nn.GRUCell(2, 2)));
    gradcheck((x) => bi.forward(x, null, [2, 3])[0], [leaf([2, 3, 2], 8), ...bi.parameters()], GC);
  });
});

describe('RNN / BiRNN wrappers and sequence_length semantics', () => {
  it('RNN(cell) equals a one-layer network with the same weights; time_major transposes', () => {
    paddle.seed(3);
    const net = new nn.LSTM(3, 4);
    const wrapper = new nn.RNN(net.at(0).children()[0] as paddle.nn.LSTMCell);
    const x = paddle.randn([2, 5, 3]);
    const [a, [ha, ca]] = net.forward(x) as [Tensor, [Tensor, Tensor]];
    const [b, [hb, cb]] = wrapper.forward(x) as [Tensor, [Tensor, Tensor]];
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
    expect([...hb.data, ...cb.data]).toEqual([...ha.data, ...ca.data]);
    const tm = new nn.RNN(wrapper.cell, { timeMajor: true });
    const [c] = tm.forward(x.transpose([1, 0, 2]));
    expect(Array.from(c.transpose([1, 0, 2]).data)).toEqual(Array.from(a.data));
  });

  it('padded steps: the network outputs zeros, the wrapper the cell output; both hold the state', () => {
    paddle.seed(4);
    const net = new nn.GRU(2, 3);
    const wrapper = new nn.RNN(net.at(0).children()[0] as paddle.nn.GRUCell);
    const x = paddle.randn([2, 4, 2]);
    const lens = paddle.toTensor([4, 2], { dtype: 'int32' });
    const [a, ha] = net.forward(x, null, lens) as [Tensor, Tensor];
    const [b, hb] = wrapper.forward(x, null, lens) as [Tensor, Tensor];
    const row = (t: Tensor, bi: number, ti: number): number[] => Array.from(t.data.slice((bi * 4 + ti) * 3, (bi * 4 + ti + 1) * 3));
    // out·mask, as Paddle's kernel computes it (so a negative output becomes −0)
    expect([...row(a, 1, 2), ...row(a, 1, 3)].every((v) => v === 0)).toBe(true);
    expect(row(b, 1, 2).some((v) => v !== 0)).toBe(true);
    expect(row(a, 1, 1)).toEqual(row(b, 1, 1));
    expect(Array.from(ha.data)).toEqual(Array.from(hb.data));
    // the final state of sequence 1 is its state after step 1
    expect(Array.from(ha.data.slice(3, 6))).toEqual(row(a, 1, 1));
    // a length-2 batch equals running the first 2 steps alone
    const [, h2] = net.forward(x.get(':, :2')) as [Tensor, Tensor];
    expect(Array.from(h2.data.slice(3, 6))).toEqual(Array.from(ha.data.slice(3, 6)));
  });

  it('BiRNN equals a bidirectional network; the backward direction starts at the last valid step', () => {
    paddle.seed(5);
    const net = new nn.SimpleRNN(2, 3, { direction: 'bidirectional' });
    const bi = net.at(0) as paddle.nn.BiRNN;
    const x = paddle.randn([2, 4, 2]);
    const lens = [3, 4];
    const [a, ha] = net.forward(x, null, lens) as [Tensor, Tensor];
    const [b, [hf, hb]] = bi.forward(x, null, lens);
    expect(ha.shape).toEqual([2, 2, 3]);
    expect(Array.from(ha.data)).toEqual([...(hf as Tensor).data, ...(hb as Tensor).data]);
    // outputs agree at valid steps; sequence 0 backward: step 2 sees only x[0, 2]
    const only = bi.cell_bw.forward(x.get('0:1, 2'), paddle.zeros([1, 3]))[0];
    expect(Array.from(a.data.slice(2 * 6 + 3, 2 * 6 + 6))).toEqual(Array.from(only.data));
    expect(Array.from(b.data.slice(2 * 6 + 3, 2 * 6 + 6))).toEqual(Array.from(only.data));
  });
});

describe("Paddle's parameters, names, initialization and state dicts", () => {
  it('names, shapes and both key sets', () => {
    paddle.utils.uniqueName.guard(() => {
      const lstm = new nn.LSTM(3, 4, { direction: 'bidirect' });
      expect(Object.keys(lstm.stateDict())).toEqual([
        'weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0',
        'weight_ih_l0_reverse', 'weight_hh_l0_reverse', 'bias_ih_l0_reverse', 'bias_hh_l0_reverse',
        '0.cell_fw.weight_ih', '0.cell_fw.weight_hh', '0.cell_fw.bias_ih', '0.cell_fw.bias_hh',
        '0.cell_bw.weight_ih', '0.cell_bw.weight_hh', '0.cell_bw.bias_ih', '0.cell_bw.bias_hh',
      ]);
      expect(lstm.parameters().map((p) => `${p.name}${JSON.stringify(p.shape)}`)).toEqual([
        'lstm_cell_0.w_0[16,3]', 'lstm_cell_0.w_1[16,4]', 'lstm_cell_0.b_0[16]', 'lstm_cell_0.b_1[16]',
        'lstm_cell_1.w_0[16,3]', 'lstm_cell_1.w_1[16,4]', 'lstm_cell_1.b_0[16]', 'lstm_cell_1.b_1[16]',
      ]);
      expect(lstm.fullName()).toBe('lstm_0');
      const gru = new nn.GRU(2, 3, { numLayers: 2 });
      expect(gru.stateDict()['weight_ih_l1']?.shape).toEqual([9, 3]);
      expect(gru.stateDict()['1.cell.weight_ih']).toBe(gru.stateDict()['weight_ih_l1']);
      expect(String(gru)).toBe('GRU(2, 3, num_layers=2\n  (0): RNN(\n    (cell): GRUCell(2, 3)\n  )\n  (1): RNN(\n    (cell): GRUCell(3, 3)\n  )\n)');
    });
  });

  it('default init Uniform(-1/sqrt(H), 1/sqrt(H)); attr false gives frozen constants', () => {
    paddle.seed(7);
    const rnn = new nn.SimpleRNN(5, 16, { numLayers: 2 });
    const bound = 1 / Math.sqrt(16);
    const all = rnn.parameters().flatMap((p) => Array.from(p.data));
    expect(Math.max(...all.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...all.map(Math.abs))).toBeGreaterThan(0.9 * bound);
    const cell = new nn.GRUCell(2, 3, { weightHhAttr: false, biasIhAttr: false });
    expect(Array.from(cell.weight_hh.data).every((v) => v === 1)).toBe(true);
    expect(Array.from(cell.bias_ih.data).every((v) => v === 0)).toBe(true);
    expect([cell.weight_ih.stopGradient, cell.weight_hh.stopGradient, cell.bias_ih.stopGradient]).toEqual([false, true, true]);
  });

  it("biasIhAttr: false shifts the top-level names as Paddle's zip does", () => {
    const gru = new nn.GRU(2, 3, { biasIhAttr: false });
    const sd = gru.stateDict();
    expect(Object.keys(sd)).toEqual(['weight_ih_l0', 'weight_hh_l0', 'bias_hh_l0', '0.cell.weight_ih', '0.cell.weight_hh', '0.cell.bias_ih', '0.cell.bias_hh']);
    expect(sd['bias_hh_l0']).toBe(sd['0.cell.bias_ih']);
  });

  it('dropout between layers: active in train mode only', () => {
    paddle.seed(8);
    const net = new nn.LSTM(2, 3, { numLayers: 2, dropout: 0.5 });
    const x = paddle.randn([2, 4, 2]);
    net.eval();
    const [e1] = net.forward(x) as NetOut;
    const [e2] = net.forward(x) as NetOut;
    expect(Array.from(e1.data)).toEqual(Array.from(e2.data));
    const plain = new nn.LSTM(2, 3, { numLayers: 2 });
    plain.setStateDict(net.stateDict(), { strict: true });
    expect(Array.from((plain.forward(x) as NetOut)[0].data)).toEqual(Array.from(e1.data));
    net.train();
    const [t1] = net.forward(x) as NetOut;
    expect(Array.from(t1.data)).not.toEqual(Array.from(e1.data));
  });

  it('state dict round trip through paddle.save / paddle.load (bytes)', () => {
    const a = new nn.GRU(3, 4, { numLayers: 2, direction: 'bidirect' });
    const sd = paddle.loadBytes(paddle.saveBytes(a.stateDict()), { as: 'stateDict' });
    const b = new nn.GRU(3, 4, { numLayers: 2, direction: 'bidirect' });
    expect(b.setStateDict(sd, { strict: true })).toEqual([[], []]);
    const x = paddle.randn([2, 3, 3]);
    expect(Array.from((b.forward(x) as NetOut)[0].data)).toEqual(Array.from((a.forward(x) as NetOut)[0].data));
  });

  it('loads a Paddle-layout bidirectional LSTM .pdparams (both key sets) and runs it', () => {
    const sd = paddle.loadBytes(fixtureBytes('lstm.pdparams'), { as: 'stateDict' });
    expect(Object.keys(sd).filter((k) => !k.includes('@@'))).toEqual(CHECKPOINTS.lstm.keys);
    const lstm = new nn.LSTM(2, 3, { direction: 'bidirect' });
    expect(lstm.setStateDict(sd, { strict: true })).toEqual([[], []]);
    const [y, [h, c]] = lstm.forward(tensorOf(CHECKPOINTS.lstm.x, 'float32')) as [Tensor, [Tensor, Tensor]];
    expectEnc(y, CHECKPOINTS.lstm.out, F32, 'out');
    expectEnc(h, CHECKPOINTS.lstm.h, F32, 'h');
    expectEnc(c, CHECKPOINTS.lstm.c, F32, 'c');
  });

  it('an optimizer trains an LSTM (the loss goes down)', () => {
    paddle.seed(9);
    const lstm = new nn.LSTM(2, 4);
    const head = new nn.Linear(4, 1);
    const opt = new paddle.optimizer.RMSProp(0.01, { parameters: [...lstm.parameters(), ...head.parameters()] });
    const x = paddle.randn([8, 5, 2]);
    const target = x.sum(1).sum(1, { keepdim: true });
    const lossAt = (): Tensor => {
      const [, [h]] = lstm.forward(x) as [Tensor, [Tensor, Tensor]];
      return head.forward(h.get('-1')).subtract(target).square().mean();
    };
    const first = lossAt().item() as number;
    for (let i = 0; i < 30; i++) {
      const loss = lossAt();
      loss.backward();
      opt.step();
      opt.clearGrad();
    }
    expect(lossAt().item() as number).toBeLessThan(first * 0.8);
  });
});

describe("errors (Paddle's kinds and messages)", () => {
  it('constructors', () => {
    expectError(() => new nn.LSTM(2, 3, { direction: 'backward' as never }), ValueError, 'direction should be forward or bidirect (or bidirectional), received direction = backward');
    expectError(() => new nn.SimpleRNN(2, 3, { activation: 'sigmoid' as never }), ValueError, "Unknown activation 'sigmoid'");
    expectError(() => new nn.SimpleRNNCell(2, 3, { activation: 'sigmoid' as never }), ValueError, 'activation for SimpleRNNCell should be tanh or relu, but get sigmoid');
    expectError(() => new nn.GRUCell(2, 0), ValueError, 'hidden_size of GRUCell must be greater than 0, but now equals to 0');
    expectError(() => new nn.GRU(2, 0), ValueError, 'hidden_size of GRUCell must be greater than 0, but now equals to 0');
    expectError(() => new nn.LSTMCell(2, 3, { projSize: 3 }), ValueError, 'proj_size must be smaller than hidden_size');
    expectError(() => new nn.LSTM(2, 3, { dropout: 1.5 }), ValueError, 'p argument should between 0 and 1, but received 1.5.');
    expectError(() => new nn.LSTM(2, 3, { numLayer: 2 } as never), PaddleTypeError, /numLayer/);
    expectError(() => new nn.BiRNN(new nn.GRUCell(2, 3), new nn.GRUCell(3, 3)), ValueError, 'input size of forward cell(2) does not equalsthat of backward cell(3)');
  });
  it('forward', () => {
    const lstm = new nn.LSTM(2, 3, { numLayers: 2 });
    expectError(() => lstm.forward(paddle.zeros([2, 2])), ValueError, "The rank of Input in RNN  must be 3. But received Input's rank is 2.");
    expectError(() => lstm.forward(paddle.zeros([2, 4, 3])), ValueError, /last dimension of the input \(3\) must equal input_size \(2\)/);
    expectError(() => lstm.forward(paddle.zeros([2, 4, 2]), paddle.zeros([2, 2, 3])), ValueError, 'The number of tensors in PreState of LSTM should be 2, but received 1.');
    expectError(() => lstm.forward(paddle.zeros([2, 4, 2]), [paddle.zeros([2, 3, 3]), paddle.zeros([2, 3, 3])]), ValueError,
      'The second dimension size (representing for batch size) of Input and PreState should be equal. But received 2 and 3.');
    expectError(() => lstm.forward(paddle.zeros([2, 4, 2]), [paddle.zeros([2, 3]), paddle.zeros([2, 3])]), ValueError, 'The rank of PreState in RNN  must be 3. But the received rank is 2.');
    expectError(() => lstm.forward(paddle.zeros([2, 4, 2]), [paddle.zeros([1, 2, 3]), paddle.zeros([1, 2, 3])]), ValueError, /initial state 0 must have shape \[2, 2, 3\]/);
    expectError(() => lstm.forward(paddle.zeros([2, 4, 2]), null, [4, 4, 4]), ValueError,
      'The size of SequenceLength has to equal the batch_size. But received batch_size is 2 and the size of SequenceLength is 3.');
    expectError(() => lstm.forward(paddle.zeros([2, 4, 2]), null, paddle.toTensor([1.5, 2])), PaddleTypeError, /sequence_length/);
    expectError(() => new nn.BiRNN(new nn.GRUCell(2, 3), new nn.GRUCell(2, 3)).forward(paddle.zeros([1, 2, 2]), [paddle.zeros([1, 3])] as never), ValueError,
      'length of initial_states should be 2 when it is a list/tuple');
  });
});
