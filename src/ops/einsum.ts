/**
 * `paddle.einsum(equation, ...operands)`, built from sum, transpose, reshape, expand and matmul
 * (so its numbers and gradients are theirs). Operands are contracted left to right: each pair
 * becomes one batched matmul [batch, M, K] · [batch, K, N], after summing out the labels that
 * neither the other operand nor the rest of the equation uses.
 *
 * Supported: explicit (`ij,jk->ik`) and implicit output (the labels used once, in alphabetical
 * order, after the broadcast `...` dimensions), any number of operands, transposes, reductions
 * (`ij->`, `ij->j`), batch matmul, outer and dot products, `...` with broadcasting (size-1
 * dimensions of any label broadcast), and a label repeated within one operand (the diagonal,
 * `ii->i`; with the sum, the trace `ii->`).
 */
import { ValueError } from '../errors.js';
import { describe } from '../options.js';
import { numelOf, shapeToString } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { toTensor } from '../tensor/creation.js';
import { getitem } from './getitem.js';
import { expectTensor } from './helpers.js';
import { matmul } from './matmul.js';
import { reshape, transpose } from './manipulation.js';
import { sum } from './reduce.js';
import { expand } from './slicing.js';

interface Term {
  t: Tensor;
  labels: string[];
}

/** Labels standing for the broadcast `...` dimensions, right-aligned: `…0` is the outermost. */
const ell = (k: number, rank: number): string => `…${rank - k}`;

function parseTerm(where: string, spec: string, t: Tensor, i: number): string[] {
  const dots = spec.indexOf('...');
  const letters = spec.replace('...', '');
  if (!/^[A-Za-z]*$/.test(letters) || spec.indexOf('...', dots + 1) !== -1 && dots !== -1) {
    throw new ValueError(`${where}: invalid subscripts '${spec}' of operand ${i}: only letters and one '...' are allowed.`);
  }
  const named = letters.length;
  if (dots === -1) {
    if (named !== t.ndim) {
      throw new ValueError(`${where}: the subscripts '${spec}' of operand ${i} name ${named} dimensions, but the operand has shape ${shapeToString(t.shape)}.`);
    }
    return [...letters];
  }
  const e = t.ndim - named;
  if (e < 0) throw new ValueError(`${where}: the subscripts '${spec}' of operand ${i} name more dimensions than the operand has (shape ${shapeToString(t.shape)}).`);
  const before = [...spec.slice(0, dots)];
  const after = [...spec.slice(dots + 3)];
  return [...before, ...Array.from({ length: e }, (_, k) => ell(k, e)), ...after];
}

/**
 * A label repeated within one operand (`ii->i`, `ii`, `bii->b`) takes the diagonal: the repeated
 * axes are indexed by one shared arange (getitem's advanced indexing, so the gradient is its
 * scatter), and the diagonal axis stands where NumPy's indexing puts it.
 */
function diagonal(where: string, term: Term, spec: string, i: number): Term {
  for (;;) {
    const l = term.labels.find((x, k) => term.labels.indexOf(x) !== k);
    if (l === undefined) return term;
    const pos = term.labels.flatMap((x, k) => (x === l ? [k] : []));
    const n = term.t.shape[pos[0] as number] as number;
    if (pos.some((k) => term.t.shape[k] !== n)) {
      throw new ValueError(`${where}: the label '${l}' repeated in the subscripts '${spec}' of operand ${i} names axes of different sizes (shape ${shapeToString(term.t.shape)}).`);
    }
    const ar = toTensor(Array.from({ length: n }, (_, k) => k), { dtype: 'int64' });
    const t = getitem(term.t, term.labels.map((x) => (x === l ? ar : ':')));
    const rest = term.labels.filter((x) => x !== l);
    const adjacent = (pos[pos.length - 1] as number) - (pos[0] as number) === pos.length - 1;
    const labels = adjacent ? [...rest.slice(0, pos[0] as number), l, ...rest.slice(pos[0] as number)] : [l, ...rest];
    term = { t, labels };
  }
}

/** Sums `term` over `labels` (absent labels ignored). */
function sumOut(term: Term, drop: ReadonlySet<string>): Term {
  const axes = term.labels.flatMap((l, i) => (drop.has(l) ? [i] : []));
  if (axes.length === 0) return term;
  return { t: sum(term.t, { axis: axes }), labels: term.labels.filter((l) => !drop.has(l)) };
}

/** `term` transposed to `order` (a permutation of its labels). */
function arrange(term: Term, order: readonly string[]): Tensor {
  const perm = order.map((l) => term.labels.indexOf(l));
  return perm.every((p, i) => p === i) ? term.t : transpose(term.t, perm);
}

function contractPair(a: Term, b: Term, keep: ReadonlySet<string>, size: ReadonlyMap<string, number>): Term {
  const inB = new Set(b.labels);
  const inA = new Set(a.labels);
  a = sumOut(a, new Set(a.labels.filter((l) => !inB.has(l) && !keep.has(l))));
  b = sumOut(b, new Set(b.labels.filter((l) => !inA.has(l) && !keep.has(l))));
  const batch = a.labels.filter((l) => inB.has(l) && keep.has(l));
  const contract = a.labels.filter((l) => inB.has(l) && !keep.has(l));
  const freeA = a.labels.filter((l) => !inB.has(l));
  const freeB = b.labels.filter((l) => !inA.has(l));
  const n = (ls: readonly string[]): number => numelOf(ls.map((l) => size.get(l) as number));
  const am = reshape(arrange(a, [...batch, ...freeA, ...contract]), [n(batch), n(freeA), n(contract)]);
  const bm = reshape(arrange(b, [...batch, ...contract, ...freeB]), [n(batch), n(contract), n(freeB)]);
  const out = [...batch, ...freeA, ...freeB];
  return { t: reshape(matmul(am, bm), out.map((l) => size.get(l) as number)), labels: out };
}

/**
 * `paddle.einsum(equation, *operands)`: Einstein summation over the operands' labelled axes.
 * `einsum('bij,bjk->bik', x, y)` is a batched matmul, `einsum('i,j->ij', u, v)` an outer product,
 * `einsum('ij->ji', x)` a transpose, `einsum('ij', x)` (implicit output) is x itself.
 * @param equation - The subscripts, e.g. `'ij,jk->ik'`: letters and one `...` per operand, with an optional `->` output (Paddle's `equation`).
 * @param operands - The Tensors, one per input subscript (Paddle's `*operands`).
 * @returns A new Tensor with one axis per output label, in the operands' (promoted) dtype.
 * @throws {@link errors.TypeError} when an operand is not a Tensor; {@link errors.ValueError} when `equation` is not a string or is malformed, the operand count or dimensions do not match it, or a label's sizes disagree.
 */
export function einsum(equation: string, ...operands: Tensor[]): Tensor {
  const where = 'einsum';
  if (typeof equation !== 'string') throw new ValueError(`${where}: the 'equation' must be a string, but received ${describe(equation)}.`);
  const ops = operands.map((o, i) => expectTensor(where, `operands[${i}]`, o));
  const eq = equation.replace(/\s+/g, '');
  const arrow = eq.indexOf('->');
  const lhs = arrow === -1 ? eq : eq.slice(0, arrow);
  const specs = lhs.split(',');
  if (specs.length !== ops.length) {
    throw new ValueError(`${where}: the equation '${equation}' has ${specs.length} input subscripts, but ${ops.length} operands were given.`);
  }
  if (ops.length === 0) throw new ValueError(`${where}: at least one operand is required.`);
  const terms: Term[] = ops.map((t, i) => ({ t, labels: parseTerm(where, specs[i] as string, t, i) }));
  // Implicit output counts the labels as written (so `ii` is the trace, as in NumPy).
  const count = new Map<string, number>();
  for (const term of terms) for (const l of term.labels) count.set(l, (count.get(l) ?? 0) + 1);
  for (const [i, term] of terms.entries()) terms[i] = diagonal(where, term, specs[i] as string, i);
  // Label sizes; size-1 dimensions broadcast.
  const size = new Map<string, number>();
  for (const [i, term] of terms.entries()) {
    term.labels.forEach((l, k) => {
      const d = term.t.shape[k] as number;
      const s = size.get(l);
      if (s === undefined || s === 1) size.set(l, d);
      else if (d !== 1 && d !== s) {
        throw new ValueError(`${where}: the dimension '${l.startsWith('…') ? '...' : l}' of operand ${i} has size ${d}, but another operand gives it size ${s}.`);
      }
    });
  }
  const ellLabels = [...size.keys()].filter((l) => l.startsWith('…')).sort((p, q) => Number(q.slice(1)) - Number(p.slice(1)));
  let output: string[];
  if (arrow === -1) {
    output = [...ellLabels, ...[...count.keys()].filter((l) => !l.startsWith('…') && count.get(l) === 1).sort()];
  } else {
    const spec = eq.slice(arrow + 2);
    const dots = spec.indexOf('...');
    const letters = spec.replace('...', '');
    if (!/^[A-Za-z]*$/.test(letters)) throw new ValueError(`${where}: invalid output subscripts '${spec}': only letters and one '...' are allowed.`);
    output = dots === -1 ? [...letters] : [...spec.slice(0, dots), ...ellLabels, ...spec.slice(dots + 3)];
    for (const l of output) {
      if (!size.has(l)) throw new ValueError(`${where}: the output subscript '${l}' does not appear in the input subscripts of '${equation}'.`);
    }
    if (new Set(output).size !== output.length) throw new ValueError(`${where}: the output subscripts '${spec}' repeat a label.`);
  }
  // Broadcast size-1 dimensions to the label size.
  for (const term of terms) {
    const target = term.labels.map((l) => size.get(l) as number);
    if (target.some((d, k) => d !== term.t.shape[k])) term.t = expand(term.t, target);
  }
  let acc = terms[0] as Term;
  for (let i = 1; i < terms.length; i++) {
    const keep = new Set(output);
    for (let j = i + 1; j < terms.length; j++) for (const l of (terms[j] as Term).labels) keep.add(l);
    acc = contractPair(acc, terms[i] as Term, keep, size);
  }
  acc = sumOut(acc, new Set(acc.labels.filter((l) => !output.includes(l))));
  return arrange(acc, output);
}
