/**
 * The benchmark registry: each bench/<topic>.ts file calls `addSection(name, fn)` at import, and
 * bench/index.ts imports them and runs the sections in order (all, or those named on the command
 * line: `npm run bench -- kernels`). A section returns one or more tables; the runner prints them
 * as Markdown so they can be pasted into the README as they are.
 *
 * Timing helpers live here too, so every section measures the same way: warm-up runs, then runs
 * until a time budget is spent, reporting the median.
 */

export interface BenchTable {
  title?: string;
  columns: string[];
  rows: (string | number)[][];
  /** Lines printed under the table. */
  notes?: string[];
}

export interface BenchContext {
  /** `--quick`: smaller budgets, for a smoke run. */
  quick: boolean;
  /** Progress output (stderr), not part of the tables. */
  progress(line: string): void;
  /** Feeds a value into a checksum printed at the end, so the work cannot be optimised away. */
  consume(value: number): void;
}

export type SectionFn = (ctx: BenchContext) => Promise<BenchTable | BenchTable[]> | BenchTable | BenchTable[];

export interface Section {
  name: string;
  description: string;
  run: SectionFn;
}

const registry: Section[] = [];

/** Registers a section; `name` is what `npm run bench -- <name>` selects. */
export function addSection(name: string, run: SectionFn, description = ''): void {
  if (registry.some((s) => s.name === name)) throw new Error(`bench section ${name} registered twice`);
  registry.push({ name, description, run });
}

export function sections(): readonly Section[] {
  return registry;
}

export interface Measurement {
  /** Median milliseconds per run. */
  medianMs: number;
  minMs: number;
  runs: number;
}

/**
 * Times `fn`: `warmup` untimed runs, then timed runs until `budgetMs` is spent, at least
 * `minRuns` and at most `maxRuns`. Returns the median.
 */
export function measure(
  fn: () => void,
  options: { warmup?: number; budgetMs?: number; minRuns?: number; maxRuns?: number } = {},
): Measurement {
  const { warmup = 2, budgetMs = 1000, minRuns = 5, maxRuns = 200 } = options;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || (times.length < maxRuns && performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { medianMs: median, minMs: times[0]!, runs: times.length };
}

/** As `measure`, for asynchronous work (awaited between runs). */
export async function measureAsync(
  fn: () => Promise<void>,
  options: { warmup?: number; budgetMs?: number; minRuns?: number; maxRuns?: number } = {},
): Promise<Measurement> {
  const { warmup = 2, budgetMs = 1000, minRuns = 5, maxRuns = 200 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || (times.length < maxRuns && performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { medianMs: median, minMs: times[0]!, runs: times.length };
}

/** A Markdown table. */
export function formatTable(t: BenchTable): string {
  const cells = [t.columns, ...t.rows.map((r) => r.map(String))];
  const widths = t.columns.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
  const out: string[] = [];
  if (t.title !== undefined) out.push(`**${t.title}**`, '');
  out.push(line(cells[0]!));
  out.push(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of cells.slice(1)) out.push(line(r));
  if (t.notes !== undefined && t.notes.length > 0) out.push('', ...t.notes);
  return out.join('\n');
}
