/**
 * Writes docs/conformance.md from the conformance suite (tests/docs/conformance): runs every twin
 * and tabulates, per Paddle API, the examples ported, passing and not portable (with why).
 *
 *   npx tsx scripts/conformance-table.ts          # rewrite docs/conformance.md
 *   npx tsx scripts/conformance-table.ts --check  # exit 1 if it is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadAreas, renderTable } from '../tests/docs/conformance/table.js';

const path = new URL('../docs/conformance.md', import.meta.url);
const table = renderTable(await loadAreas());
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing: out of date
  }
  if (current !== table) {
    process.stderr.write('docs/conformance.md is out of date: run npx tsx scripts/conformance-table.ts\n');
    process.exit(1);
  }
} else {
  writeFileSync(path, table);
  process.stdout.write(`wrote docs/conformance.md (${table.split('\n').length} lines)\n`);
}
