/** `paddle.nn.initializer`. */
export { Initializer, calculateGain, computeFans } from './initializer.js';
export { Constant, type ConstantOptions } from './constant.js';
export { Uniform, type UniformOptions } from './uniform.js';
export { Normal, TruncatedNormal, type NormalOptions, type TruncatedNormalOptions } from './normal.js';
export { XavierUniform, XavierNormal, type XavierOptions } from './xavier.js';
export { KaimingUniform, KaimingNormal, type KaimingOptions } from './kaiming.js';
export { Assign, type AssignValue } from './assign.js';
export { setGlobalInitializer, globalWeightInitializer, globalBiasInitializer } from './global.js';
export { calculateGain as calculate_gain } from './initializer.js';
export { setGlobalInitializer as set_global_initializer } from './global.js';
