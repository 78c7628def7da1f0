'use strict';
// paddle-rmsprop/compat is an ES module, like the main entry (see require.cjs): this file answers
// require('paddle-rmsprop/compat') with the fix instead of Node's ERR_PACKAGE_PATH_NOT_EXPORTED.
throw new Error(
  "paddle-rmsprop/compat is ESM only: load it with `import * as compat from 'paddle-rmsprop/compat'` " +
    "(in CommonJS: `const compat = await import('paddle-rmsprop/compat')`), not require().",
);
