/** `paddle.utils`: the unique-name generator (`paddle.utils.unique_name`). */
export * as uniqueName from './tensor/unique-name.js';
export * as unique_name from './tensor/unique-name.js';
