/**
 * `npm run bench [-- <section>... | --quick | --list]`: runs the registered benchmark sections
 * in one process and prints their tables (Markdown) under a header naming the machine.
 *
 * To add a benchmark: write bench/<topic>.ts that calls `addSection(name, fn)` from
 * ./registry.js, and import it below.
 */
import os from 'node:os';
import { formatTable, sections, type BenchContext } from './registry.js';

import './kernels.js';
import './ops.js';
import './gemm.js';
import './e2e.js';
import './e2e-torch.js';
import './rnn-torch.js';
import './memory.js';
import './io.js';
import './conv.js';
import './compat.js';
import './browser.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wanted = args.filter((a) => !a.startsWith('--'));

if (args.includes('--list')) {
  for (const s of sections()) console.log(`${s.name}\t${s.description}`);
  process.exit(0);
}

const chosen = sections().filter((s) => wanted.length === 0 || wanted.includes(s.name));
const unknown = wanted.filter((w) => !sections().some((s) => s.name === w));
if (unknown.length > 0) {
  console.error(`unknown bench section(s): ${unknown.join(', ')}; known: ${sections().map((s) => s.name).join(', ')}`);
  process.exit(2);
}

let checksum = 0;
const ctx: BenchContext = {
  quick,
  progress: (line) => process.stderr.write(`  … ${line}\n`),
  consume: (value) => {
    if (Number.isFinite(value)) checksum += value;
  },
};

const cpus = os.cpus();
const model = cpus[0]?.model.trim() ?? 'unknown CPU';
console.log('# paddle-rmsprop benchmarks');
console.log('');
console.log(`- date: ${new Date().toISOString()}`);
console.log(`- cpu: ${model}, ${os.availableParallelism()} logical cores (${os.arch()}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; node ${process.version} (V8 ${process.versions.v8}) on ${os.platform()} ${os.release()}`);
if (quick) console.log('- quick mode: small budgets, numbers are rough');
console.log('');

for (const section of chosen) {
  const started = performance.now();
  console.log(`## ${section.name}${section.description === '' ? '' : ` — ${section.description}`}`);
  console.log('');
  const result = await section.run(ctx);
  for (const table of Array.isArray(result) ? result : [result]) {
    console.log(formatTable(table));
    console.log('');
  }
  process.stderr.write(`  (${section.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
console.log(`checksum ${checksum.toPrecision(8)} (results read back from every measured run)`);
