/**
 * Parameter groups (spec §2–§3): what `parameters: [{ params, learningRate, weightDecay, … }]`
 * resolves to — the parameters, the group's overrides, its clip and its decay — validated in
 * Paddle's order before the optimizer exists.
 */
import { AssertionError, TypeError as PaddleTypeError, ValueError, pyTypeName } from '../errors.js';
import { L2Decay, WeightDecayRegularizer } from '../regularizer/index.js';
import { Tensor } from '../tensor/tensor.js';
import { ClipGradBase } from './clip.js';

/** An optimizer's `weightDecay`: a number (an `L2Decay` of that coefficient, as Paddle) or a regularizer. */
export type WeightDecay = number | WeightDecayRegularizer;

/** Keys every parameter group accepts; subclasses add their hyper-parameters. */
export interface BaseParamGroup {
  /** The parameters of the group (Paddle's `'params'`). */
  params: Tensor | readonly Tensor[];
  /** A *scale* of the optimizer's learning rate (Paddle: group `learning_rate`). */
  learningRate?: number;
  /** A number means L2Decay(number); null falls back to the optimizer's (spec §3). */
  weightDecay?: WeightDecay | null;
  /** null disables clipping for the group; absent uses the optimizer's. */
  gradClip?: ClipGradBase | null;
}

/** A group as the optimizer keeps it: parameters and what each resolves to. */
export interface ResolvedGroup<G extends BaseParamGroup> {
  readonly params: readonly Tensor[];
  /** The raw group (hyper-parameter overrides), or null in flat mode. */
  readonly raw: G | null;
  readonly clip: ClipGradBase | null;
  /** Group mode: the group's `weightDecay` as a regularizer (null when absent or null). */
  readonly groupDecay: WeightDecayRegularizer | null;
}

export function toRegularizer(value: unknown, where: string): WeightDecayRegularizer | null {
  if (value === undefined || value === null) return null;
  if (value instanceof WeightDecayRegularizer) return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new ValueError(`${where}: weight_decay must not be NaN.`);
    return new L2Decay(value);
  }
  throw new PaddleTypeError(
    `${where}: weight_decay must be a number, an L1Decay/L2Decay or null, but received ${pyTypeName(value)}.`,
  );
}

/** What group resolution needs from the optimizer. */
export interface GroupRules<G extends BaseParamGroup> {
  readonly className: string;
  /** Keys a group may have (the base keys and the optimizer's hyper-parameters). */
  readonly groupKeys: readonly string[];
  /** The optimizer's clip, for groups that do not set `gradClip`. */
  readonly defaultClip: ClipGradBase | null;
  /** Validates a group's own hyper-parameters. */
  validateGroup(group: G, index: number): void;
}

function isTensor(v: unknown): v is Tensor {
  return v instanceof Tensor;
}

/** Resolves a list of group objects: Paddle's checks, then one `ResolvedGroup` per group. */
export function resolveGroups<G extends BaseParamGroup>(list: readonly G[], how: GroupRules<G>): ResolvedGroup<G>[] {
const { className, groupKeys } = how;
  const seen = new Set<Tensor>();
  const out: ResolvedGroup<G>[] = [];
  list.forEach((group, gi) => {
    if (group === null || typeof group !== 'object' || isTensor(group)) {
      throw new PaddleTypeError(`parameter group ${gi} must be an object with 'params', but received ${pyTypeName(group)}.`);
    }
    if (!('params' in group)) {
      throw new AssertionError('params should be set in parameters if parameter groups are optimized in different options');
    }
    for (const key of Object.keys(group)) {
      if (!groupKeys.includes(key)) {
        const camel = key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
        const hint = camel !== key && groupKeys.includes(camel) ? ` Did you mean '${camel}' (Paddle's '${key}')?` : '';
        throw new PaddleTypeError(
          `${className}: parameter group ${gi} has an unexpected key '${key}'.${hint} Valid keys: ${groupKeys.map((k) => `'${k}'`).join(', ')}.`,
        );
      }
    }
    const rawParams: unknown = group.params;
    let params: Tensor[];
    if (isTensor(rawParams)) params = [rawParams];
    else if (rawParams instanceof Set) {
      throw new PaddleTypeError('optimizer parameters should be in ordered collections,but received set, please use list instead.');
    } else if (rawParams !== null && typeof rawParams === 'object' && typeof (rawParams as Iterable<unknown>)[Symbol.iterator] === 'function') {
      params = [...(rawParams as Iterable<Tensor>)];
    } else {
      throw new PaddleTypeError(`parameter group ${gi}: 'params' must be a Tensor or a list of Tensors, but received ${pyTypeName(rawParams)}.`);
    }
    params.forEach((p, i) => {
      if (!isTensor(p)) {
        throw new PaddleTypeError(`parameter group ${gi}: params[${i}] is ${pyTypeName(p)}, not a Tensor.`);
      }
      if (seen.has(p)) throw new ValueError('some parameters appear in more than one parameter group');
      seen.add(p);
    });
    if (group.learningRate !== undefined && (typeof group.learningRate !== 'number' || Number.isNaN(group.learningRate))) {
      throw new PaddleTypeError(`parameter group ${gi}: learningRate must be a number, but received ${String(group.learningRate)}.`);
    }
    const groupDecay = toRegularizer(group.weightDecay, `${className} parameter group ${gi}`);
    if (group.gradClip !== undefined && group.gradClip !== null && !(group.gradClip instanceof ClipGradBase)) {
      throw new PaddleTypeError("'grad_clip' should be an instance of GradientClipBase's derived class");
    }
    how.validateGroup(group, gi);
    const clip = 'gradClip' in group ? (group.gradClip ?? null) : how.defaultClip;
    out.push({ params, raw: { ...group }, clip, groupDecay });
  });
  return out;
}
