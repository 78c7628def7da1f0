/**
 * The conformance suite accounts for every exported Paddle API, and docs/conformance.md is the
 * table its cases generate (scripts/conformance-table.ts).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaDef } from './harness.js';
import { COVERED_ELSEWHERE, exportedApis, LIBRARY_ONLY, NO_EXAMPLE, PENDING } from './inventory.js';
import { loadAreas, renderTable } from './table.js';

let areas: AreaDef[] = [];
beforeAll(async () => {
  areas = await loadAreas();
}, 120_000);

describe('conformance coverage', () => {
  it('every exported Paddle API has examples here, elsewhere, none in Paddle, or is pending other work', () => {
    const withCases = new Set(areas.flatMap((a) => a.cases.map((c) => c.api)));
    const elsewhere = new Set(COVERED_ELSEWHERE.map((e) => e.api));
    const unaccounted = exportedApis().filter(
      (api) => !withCases.has(api) && !elsewhere.has(api) && !(api in NO_EXAMPLE) && !(api in PENDING) && !(api in LIBRARY_ONLY),
    );
    expect(unaccounted).toEqual([]);
  });

  it('no API is listed as both ported and pending / without example', () => {
    const withCases = new Set([...areas.flatMap((a) => a.cases.map((c) => c.api)), ...COVERED_ELSEWHERE.map((e) => e.api)]);
    expect(Object.keys({ ...PENDING, ...NO_EXAMPLE, ...LIBRARY_ONLY }).filter((k) => withCases.has(k))).toEqual([]);
    const exported = new Set(exportedApis());
    const stale = [...withCases, ...Object.keys({ ...PENDING, ...NO_EXAMPLE, ...LIBRARY_ONLY })].filter(
      (api) => !exported.has(api) && !/^paddle\.(Tensor|nn\.Layer|optimizer\.Optimizer|optimizer\.lr\.LRScheduler)\./.test(api) && !/^paddle\.nn\.functional\.(relu|sigmoid|tanh)$/.test(api),
    );
    expect(stale).toEqual([]);
  });

  it('docs/conformance.md is the table the cases generate (npx tsx scripts/conformance-table.ts)', () => {
    const expected = renderTable(areas);
    const actual = readFileSync(new URL('../../../docs/conformance.md', import.meta.url), 'utf8');
    expect(actual).toBe(expected);
  }, 120_000);
});
