/** The reserved keys of Paddle's checkpoint dicts (python/paddle/framework/io.py). */

export const NAME_TABLE_KEY = 'StructuredToParameterName@@';
export const UNPACK_INFO_KEY = 'UnpackBigParamInfor@@';
/** The `__metadata__` key holding Paddle's extras in a safetensors file. */
export const SAFETENSORS_META_KEY = 'paddle';
