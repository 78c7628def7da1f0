'use strict';
// paddle-rmsprop is an ES module. This file answers require('paddle-rmsprop') with the fix
// instead of Node's ERR_PACKAGE_PATH_NOT_EXPORTED, which reads like a broken package.
throw new Error(
  "paddle-rmsprop is ESM only: load it with `import * as paddle from 'paddle-rmsprop'` " +
    "(in CommonJS: `const paddle = await import('paddle-rmsprop')`), not require().",
);
