/**
 * Every schedule of fixtures/schedules.json (Paddle's test_lr_scheduler.py cases and more),
 * computed in real Python by fixtures/generate.py, must come out bit for bit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build, run, type Kwargs } from './helpers.js';

interface Case {
  class: string;
  kwargs: Kwargs;
  steps: (number | null)[];
  cr: number[];
  glibc?: number[];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/schedules.json', import.meta.url), 'utf8')) as {
  counts: { values: number; glibc_differs: number };
  cases: Case[];
};

describe('trajectories computed in Python', () => {
  it('cover every scheduler, with glibc and correct rounding agreeing on all values', () => {
    expect(new Set(fixture.cases.map((c) => c.class)).size).toBe(17);
    expect(fixture.counts.values).toBeGreaterThan(2000);
    expect(fixture.counts.glibc_differs).toBe(0);
  });

  it.each(fixture.cases.map((c, i) => [`${i} ${c.class} ${JSON.stringify(c.kwargs)}`, c] as const))(
    '%s',
    (_name, c) => {
      const actual = run(build(c.class, c.kwargs), c.steps);
      expect(actual).toEqual(c.cr);
    },
  );
});
