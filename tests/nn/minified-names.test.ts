/**
 * Parameter names survive a minifying bundler: every built-in layer class sets Paddle's class name
 * on itself (`static layerName`), so `Linear`'s weight is `linear_0.w_0` even when the bundle
 * renames the class (it was `kn_0.w_0` with `esbuild --minify`, found by the playground's test).
 * A class that sets no name of its own (a user's subclass) keeps using its JavaScript name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as paddle from '../../src/index.js';

describe('layer names without class names', () => {
  it('every exported layer class of paddle.nn sets its own layerName, equal to its class name', () => {
    const classes = Object.entries(paddle.nn).filter(([, v]) => typeof v === 'function' && (v === paddle.nn.Layer || (v as { prototype: unknown }).prototype instanceof paddle.nn.Layer));
    expect(classes.length).toBeGreaterThan(55);
    for (const [exported, cls] of classes) {
      const c = cls as unknown as { name: string; layerName: string };
      expect(Object.prototype.hasOwnProperty.call(c, 'layerName'), exported).toBe(true);
      expect(c.layerName, exported).toBe(c.name);
    }
  });

  it("a subclass without a layerName of its own is named after its JavaScript class, as Paddle's Python class", () => {
    class MyBlock extends paddle.nn.Linear {}
    expect(new MyBlock(2, 2).fullName()).toMatch(/^my_block_\d+$/);
    expect(new paddle.nn.Linear(2, 2).fullName()).toMatch(/^linear_\d+$/);
  });

  it('a minified bundle names parameters as Paddle does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paddle-minified-'));
    try {
      const entry = join(dir, 'entry.ts');
      const src = resolve(__dirname, '../../src/index.ts');
      writeFileSync(
        entry,
        `import * as paddle from ${JSON.stringify(src)};
export const names = [
  new paddle.nn.Linear(2, 3).weight.name,
  new paddle.nn.Conv2D(1, 2, 3).weight.name,
  new paddle.nn.BatchNorm2D(2).weight.name,
  new paddle.nn.Embedding(4, 2).weight.name,
  new paddle.nn.LSTM(2, 3).fullName(),
  new paddle.nn.Sequential().fullName(),
];
export const linearName = paddle.nn.Linear.name;`,
      );
      const out = join(dir, 'bundle.mjs');
      await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'silent' });
      const mod = (await import(pathToFileURL(out).href)) as { names: string[]; linearName: string };
      expect(mod.linearName).not.toBe('Linear'); // the bundle did rename the class
      expect(mod.names).toEqual(['linear_0.w_0', 'conv2d_0.w_0', 'batch_norm2d_0.w_0', 'embedding_0.w_0', 'lstm_0', 'sequential_0']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
