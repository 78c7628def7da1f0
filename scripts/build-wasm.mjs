#!/usr/bin/env node
/**
 * Builds the WebAssembly kernels from their AssemblyScript sources (src/kernels/wasm/assembly/)
 * into src/kernels/wasm/generated/rmsprop-wasm.ts, a gitignored TypeScript module that holds the
 * bytes as base64, so the kernels load the same way from src/ (vitest, tsx), from dist/ and in
 * browsers, with no file reading at run time.
 *
 * Two modules are built from the same source:
 * - `shared`: imports a shared memory (worker threads update the same heap);
 * - `plain`:  imports an ordinary memory, for runtimes without SharedArrayBuffer (browsers that
 *             are not cross-origin isolated).
 *
 * Fast: the output records a hash of the sources, the flags, this script and the compiler
 * version, and the compile is skipped when it matches. Loud: any diagnostic, a failed compile or
 * a module that does not validate exits non-zero and removes the stale output.
 *
 * Usage: node scripts/build-wasm.mjs [--force] [--wat]   (--wat also writes build/wasm/*.wat)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'src/kernels/wasm/assembly');
const entry = join(sourceDir, 'rmsprop.ts');
const outFile = join(root, 'src/kernels/wasm/generated/rmsprop-wasm.ts');
const watDir = join(root, 'build/wasm');

const COMMON_FLAGS = [
  '--runtime', 'stub',
  '--importMemory',
  '--maximumMemory', '65536',
  '--noAssert',
  '-O3',
];
const VARIANTS = {
  shared: ['--enable', 'simd', '--enable', 'threads', '--sharedMemory', ...COMMON_FLAGS],
  plain: ['--enable', 'simd', ...COMMON_FLAGS],
  // the opt-in fast matrix product (useBackend('wasm-relaxed')): relaxed SIMD's fused multiply-add
  sharedRelaxed: ['--enable', 'simd', '--enable', 'relaxed-simd', '--enable', 'threads', '--sharedMemory', ...COMMON_FLAGS],
  plainRelaxed: ['--enable', 'simd', '--enable', 'relaxed-simd', ...COMMON_FLAGS],
};
const REQUIRED_EXPORTS = [
  'rmspropF32', 'rmspropF64', 'rmspropVarF32', 'rmspropVarF64', 'sumSquaresF32', 'sumSquaresF64',
  'gemmUnitsF32', 'transposeF32', 'GEMM_BYTES', 'DESC_BYTES', 'SQ_BYTES', 'SQ_BLOCK', 'F_CLIP', 'F_SCALE', 'F_L1', 'F_L2',
];

const args = new Set(process.argv.slice(2));
const force = args.has('--force');
const wantWat = args.has('--wat');

function fail(message) {
  rmSync(outFile, { force: true });
  process.stderr.write(`build-wasm: FAILED: ${message}\n`);
  process.stderr.write(`build-wasm: removed ${relative(root, outFile)} so no stale kernels are used.\n`);
  process.exit(1);
}

function sourceFiles() {
  return readdirSync(sourceDir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => join(sourceDir, name));
}

function computeHash() {
  const h = createHash('sha256');
  const ascPkg = JSON.parse(readFileSync(join(root, 'node_modules/assemblyscript/package.json'), 'utf8'));
  h.update(`asc ${ascPkg.version}\n`);
  h.update(JSON.stringify(VARIANTS));
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of sourceFiles()) {
    h.update(relative(root, file));
    h.update(readFileSync(file));
  }
  return h.digest('hex').slice(0, 16);
}

function upToDate(hash) {
  if (force || !existsSync(outFile)) return false;
  const head = readFileSync(outFile, 'utf8').slice(0, 300);
  return head.includes(`source hash: ${hash}`);
}

async function compile(asc, name, flags) {
  const outputs = new Map();
  let diagnostics = '';
  const stream = () =>
    asc.createMemoryStream((chunk) => {
      diagnostics += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
    });
  const argv = [relative(root, entry), ...flags, '--outFile', `${name}.wasm`, '--textFile', `${name}.wat`, '--noColors'];
  const { error } = await asc.main(argv, {
    stdout: stream(),
    stderr: stream(),
    readFile: (filename, baseDir) => {
      const file = join(baseDir, filename);
      return existsSync(file) ? readFileSync(file, 'utf8') : null;
    },
    writeFile: (filename, contents) => {
      outputs.set(filename, contents);
    },
    listFiles: (dirname, baseDir) => {
      const dir = join(baseDir, dirname);
      return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')) : null;
    },
  });
  if (error) fail(`asc (${name}): ${error.message}\n${diagnostics}`);
  // With --noColors a diagnostic reads "WARNING AS...", "ERROR AS...".
  if (/\b(ERROR|WARNING)\b/.test(diagnostics)) fail(`asc (${name}) reported diagnostics:\n${diagnostics}`);
  const binary = outputs.get(`${name}.wasm`);
  if (!(binary instanceof Uint8Array) || binary.length === 0) fail(`asc (${name}) produced no binary`);
  let module;
  try {
    module = new WebAssembly.Module(binary);
  } catch (e) {
    if (!flags.includes('relaxed-simd')) fail(`the ${name} module does not validate in this Node (${process.version}): ${e.message}`);
    // Node 20 validates relaxed SIMD only behind a flag: check it there
    const check = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '-e', 'new WebAssembly.Module(require("fs").readFileSync(0))'], { input: binary });
    if (check.status !== 0) fail(`the ${name} module does not validate in this Node (${process.version}), even with --experimental-wasm-relaxed-simd: ${check.stderr}`);
    return { binary, text: outputs.get(`${name}.wat`) };
  }
  const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  const missing = REQUIRED_EXPORTS.filter((e) => !exported.has(e));
  if (missing.length > 0) fail(`the ${name} module lacks exports: ${missing.join(', ')}`);
  const imports = WebAssembly.Module.imports(module);
  if (imports.length !== 1 || imports[0].module !== 'env' || imports[0].name !== 'memory') {
    fail(`the ${name} module must import only env.memory, but imports ${JSON.stringify(imports)}`);
  }
  return { binary, text: outputs.get(`${name}.wat`) };
}

async function main() {
  const started = performance.now();
  if (!existsSync(entry)) fail(`missing source ${relative(root, entry)}`);
  const hash = computeHash();
  if (upToDate(hash)) {
    process.stdout.write(`build-wasm: up to date (source hash ${hash})\n`);
    return;
  }
  let asc;
  try {
    asc = (await import('assemblyscript/asc')).default;
  } catch (e) {
    fail(`cannot load the AssemblyScript compiler (npm install?): ${e.message}`);
  }
  const results = {};
  for (const [name, flags] of Object.entries(VARIANTS)) results[name] = await compile(asc, name, flags);

  const b64 = (bytes) => Buffer.from(bytes).toString('base64');
  const body = [
    `// @generated by scripts/build-wasm.mjs from src/kernels/wasm/assembly/ - do not edit, do not commit.`,
    `// source hash: ${hash}`,
    `// asc flags (shared): ${VARIANTS.shared.join(' ')}`,
    `// asc flags (plain):  ${VARIANTS.plain.join(' ')}`,
    '',
    `/** Hash of the sources, flags and compiler version this build came from. */`,
    `export const WASM_SOURCE_HASH = '${hash}';`,
    '',
    `/** The kernels importing a shared memory (${results.shared.binary.length} bytes). */`,
    `export const WASM_SHARED_BASE64 =\n  '${b64(results.shared.binary)}';`,
    '',
    `/** The kernels importing an ordinary memory (${results.plain.binary.length} bytes). */`,
    `export const WASM_PLAIN_BASE64 =\n  '${b64(results.plain.binary)}';`,
    '',
    `/** The relaxed-SIMD build (fused multiply-add in the product), shared memory (${results.sharedRelaxed.binary.length} bytes). */`,
    `export const WASM_SHARED_RELAXED_BASE64 =\n  '${b64(results.sharedRelaxed.binary)}';`,
    '',
    `/** The relaxed-SIMD build, ordinary memory (${results.plainRelaxed.binary.length} bytes). */`,
    `export const WASM_PLAIN_RELAXED_BASE64 =\n  '${b64(results.plainRelaxed.binary)}';`,
    '',
  ].join('\n');
  mkdirSync(dirname(outFile), { recursive: true });
  const tmp = `${outFile}.tmp-${process.pid}`;
  writeFileSync(tmp, body);
  renameSync(tmp, outFile);
  if (wantWat) {
    mkdirSync(watDir, { recursive: true });
    for (const [name, r] of Object.entries(results)) {
      writeFileSync(join(watDir, `rmsprop-${name}.wasm`), r.binary);
      if (typeof r.text === 'string') writeFileSync(join(watDir, `rmsprop-${name}.wat`), r.text);
    }
  }
  const ms = (performance.now() - started).toFixed(0);
  process.stdout.write(
    `build-wasm: wrote ${relative(root, outFile)} (shared ${results.shared.binary.length} B, plain ${results.plain.binary.length} B, hash ${hash}) in ${ms} ms\n`,
  );
}

main().catch((e) => fail(e?.stack ?? String(e)));
