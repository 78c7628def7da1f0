/**
 * `npm run bench -- browser`: the RMSProp step (1M and 10M float32 parameters) and the demo MLP's
 * training step in Debian's Chromium (headless, driven by playwright-core through
 * tests/helpers/chromium.ts) at 1 and 2 threads on a cross-origin isolated page (Web Workers over
 * the shared heap), on a page without isolation (1 thread, ordinary memory), and in this Node
 * process at 1 and 2 threads — the same code (bench/browser-page.ts), in one run.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, hasChromium, htmlPage, launchChromium, openPage, serve, waitForResult } from '../tests/helpers/chromium.js';
import { runBrowserBench, type BrowserBenchResult, type BrowserBenchRow } from './browser-page.js';
import { addSection, type BenchContext, type BenchTable } from './registry.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const ENTRY = `
import { runBrowserBench } from './bench/browser-page.ts';
const q = new URLSearchParams(location.search);
runBrowserBench(q.get('threads').split(',').map(Number), Number(q.get('budget'))).then(
  (r) => { globalThis.__result = r; },
  (e) => { globalThis.__result = { rows: [], checksum: 0, error: String((e && e.stack) || e) }; },
);
`;

async function bundlePage(): Promise<string> {
  const out = await build({
    stdin: { contents: ENTRY, resolveDir: root, sourcefile: 'bench-browser-entry.ts', loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  });
  const file = out.outputFiles?.[0];
  if (file === undefined) throw new Error('esbuild produced no bundle');
  return file.text;
}

function fmt(row: BrowserBenchRow | undefined): string {
  if (row === undefined) return '–';
  const note = row.effective !== row.threads ? ` (ran on ${row.effective})` : '';
  return `${row.medianMs.toFixed(2)} / ${row.minMs.toFixed(2)}${note}`;
}

async function browserSection(ctx: BenchContext): Promise<BenchTable> {
  if (!hasChromium) {
    return { columns: ['note'], rows: [[`skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`]] };
  }
  const budgetMs = ctx.quick ? 300 : 2000;
  const js = await bundlePage();
  const browser = await launchChromium();
  const version = browser.version();
  const results = new Map<string, BrowserBenchResult>();
  try {
    for (const [label, isolate, threads] of [
      ['chromium-isolated', true, '1,2'],
      ['chromium-plain', false, '1'],
    ] as const) {
      ctx.progress(`Chromium ${version}, ${isolate ? 'cross-origin isolated' : 'not isolated'}, threads ${threads}`);
      const server = await serve({ files: { '/index.html': htmlPage('/bench.js'), '/bench.js': js }, isolate });
      try {
        const page = await openPage(browser, server.url(`/index.html?threads=${threads}&budget=${budgetMs}`));
        try {
          const r = await waitForResult<BrowserBenchResult>(page.page, '__result', 600_000);
          if (r.error !== undefined) throw new Error(`the bench page failed: ${r.error}`);
          results.set(label, r);
          ctx.consume(r.checksum);
        } finally {
          await page.close();
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  ctx.progress('Node, threads 1,2');
  const node = await runBrowserBench([1, 2], budgetMs);
  ctx.consume(node.checksum);
  results.set('node', node);

  const pick = (label: string, workload: string, threads: number): BrowserBenchRow | undefined =>
    results.get(label)?.rows.find((r) => r.workload === workload && r.threads === threads);
  const workloads = [...new Set(node.rows.map((r) => r.workload))];
  const rows = workloads.map((w) => [
    w,
    fmt(pick('node', w, 1)),
    fmt(pick('node', w, 2)),
    fmt(pick('chromium-isolated', w, 1)),
    fmt(pick('chromium-isolated', w, 2)),
    fmt(pick('chromium-plain', w, 1)),
  ]);
  const backends = (label: string): string =>
    [...new Set(results.get(label)?.rows.map((r) => `${r.threads}: ${r.backend}`) ?? [])].join(', ');
  return {
    title: `ms per step, median / fastest run; Chromium ${version} headless`,
    columns: [
      'workload',
      'Node, 1 thread',
      'Node, 2 threads',
      'Chromium isolated, 1 thread',
      'Chromium isolated, 2 threads',
      'Chromium not isolated (1 thread)',
    ],
    rows,
    notes: [
      `kernels — Node: ${backends('node')}; Chromium isolated: ${backends('chromium-isolated')}; not isolated: ${backends('chromium-plain')}`,
      'isolated = served with COOP same-origin + COEP require-corp (threads are Web Workers over the shared heap); the page runs the steps on its main thread',
    ],
  };
}

addSection('browser', browserSection, 'RMSProp step (1M, 10M) and the demo MLP step in Chromium at 1 and 2 threads vs Node');
