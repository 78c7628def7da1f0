import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART_LAYOUT, logTicks, niceTicks, renderChart } from '../../src/cli/chart.js';
import type { History } from '../../src/cli/history.js';

/** Tags open and close in order (a small well-formedness check for the SVG we write). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m as unknown as [string, string, string, string];
    if (selfClosing === '/') continue;
    if (closing === '/') {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
}

function history(epochs: number, stepsPerEpoch: number): History {
  const stepLoss = Array.from({ length: epochs * stepsPerEpoch }, (_, i) => 2.3 / (1 + i / 10));
  return {
    stepsPerEpoch,
    stepLoss,
    epochs: Array.from({ length: epochs }, (_, i) => ({
      epoch: i + 1,
      trainLoss: 1 / (i + 2),
      trainAcc: 0.8 + i * 0.02,
      testLoss: 0.9 / (i + 2),
      testAcc: 0.78 + i * 0.015,
      lr: 1e-3,
      seconds: 1,
    })),
  };
}

describe('SVG chart', () => {
  it('is one well-formed SVG with the loss and accuracy curves, axes and labels', () => {
    const svg = renderChart(history(3, 4), { title: 'Demo <run> & "more"', subtitle: 'sub' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(balanced(svg)).toBe(true);
    expect(svg).toContain('Demo &lt;run&gt; &amp; &quot;more&quot;');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    // Curves: step losses (12 points), moving average (12), test loss (3), train/test accuracy (3 each).
    const paths = [...svg.matchAll(/<path d="(M[^"]+)" fill="none" stroke="(#[0-9a-f]+)"/g)].map((m) => ({ d: m[1] as string, color: m[2] }));
    const pointCounts = paths.map((p) => (p.d.match(/[ML]/g) ?? []).length);
    expect(pointCounts).toEqual(expect.arrayContaining([12, 12, 3, 3, 3]));
    expect(svg).toContain('Loss (cross-entropy, log scale)');
    expect(svg).toContain('Accuracy (%)');
    expect(svg).toContain('test 81.00%');
  });

  it('an empty history still renders empty axes', () => {
    const svg = renderChart({ epochs: [], stepLoss: [], stepsPerEpoch: 10 }, { title: 't' });
    expect(balanced(svg)).toBe(true);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('keeps every point inside its panel, whatever the values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 50, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (losses, spe) => {
          const h: History = { stepsPerEpoch: spe, stepLoss: losses, epochs: [] };
          const svg = renderChart(h, { title: 't' });
          const curves = svg.slice(svg.indexOf('<g clip-path="url(#loss-clip)">'), svg.indexOf('</g>'));
          expect(curves.length).toBeGreaterThan(0);
          for (const m of curves.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) {
            const x = Number(m[1]);
            const y = Number(m[2]);
            if (!(x >= 70 - 0.05 && x <= 450 + 0.05 && y >= 78 - 0.05 && y <= 348 + 0.05)) return false;
          }
          return true;
        },
      ),
    );
  });

  it("places the 'test xx%' label where no curve, dot or title can overlap it", () => {
    const L = CHART_LAYOUT;
    type Box = { x0: number; y0: number; x1: number; y1: number };
    const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    /** A text's box, generously: 0.62 em per character (bold), ascent 1 em, descent 0.3 em. */
    const textBox = (x: number, y: number, size: number, chars: number, anchor: string): Box => {
      const w = chars * 0.62 * size;
      const x0 = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
      return { x0, y0: y - size, x1: x0 + w, y1: y + 0.3 * size };
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 15 }),
        (accs) => {
          const h = history(accs.length, 3);
          h.epochs.forEach((e, i) => {
            [e.trainAcc, e.testAcc] = accs[i] as [number, number];
          });
          const svg = renderChart(h, { title: 't', subtitle: 'a long subtitle '.repeat(8) });
          const texts = [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map((m) => {
            const attr = (name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1] as string)?.[1];
            const size = Number(attr('font-size'));
            const box = textBox(Number(attr('x')), Number(attr('y')), size, (m[2] as string).length, attr('text-anchor') ?? 'start');
            if (attr('dominant-baseline') === 'middle') Object.assign(box, { y0: box.y0 + size / 2, y1: box.y1 + size / 2 });
            return { text: m[2] as string, box, raw: m[0] };
          });
          const label = texts.find((t) => /^test \d+\.\d\d%$/.test(t.text));
          expect(label).toBeDefined();
          const { text, box } = label as (typeof texts)[number];
          expect(text).toBe(`test ${((h.epochs.at(-1)?.testAcc ?? 0) * 100).toFixed(2)}%`);
          // Outside both plot areas (where every curve and dot lives: checked just below) and inside the SVG.
          for (const px of [L.lossX, L.accX]) {
            expect(overlaps(box, { x0: px, y0: L.panelTop, x1: px + L.panelWidth, y1: L.panelTop + L.panelHeight })).toBe(false);
          }
          expect(box.x0 >= 0 && box.x1 <= L.width && box.y0 >= 0 && box.y1 <= L.height).toBe(true);
          // Every curve vertex and dot (radius 3, plus the stroke) keeps clear of the label.
          const points = [
            ...[...svg.matchAll(/<path d="(M[^"]+)" fill="none" stroke="#[0-9a-f]+" stroke-width/g)].flatMap((m) =>
              [...(m[1] as string).matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((p) => [Number(p[1]), Number(p[2])]),
            ),
            ...[...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="3"/g)].map((m) => [Number(m[1]), Number(m[2])]),
          ];
          expect(points.length).toBeGreaterThan(0);
          for (const [px, py] of points as [number, number][]) {
            expect(overlaps(box, { x0: px - 4.5, y0: py - 4.5, x1: px + 4.5, y1: py + 4.5 }), `${px},${py}`).toBe(false);
          }
          // Nor any other text (the titles, the subtitle, tick labels, legends).
          expect(texts.length).toBeGreaterThan(10);
          for (const t of texts) if (t !== label) expect(overlaps(box, t.box), t.raw).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('ticks cover their range with round values', () => {
    expect(niceTicks(85, 100, 6)).toEqual([85, 90, 95, 100]);
    expect(niceTicks(0, 10, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(logTicks(0.05, 3)).toEqual([0.05, 0.1, 0.2, 0.5, 1, 2]);
    expect(logTicks(0.003, 3)).toEqual([0.005, 0.01, 0.05, 0.1, 0.5, 1]);
  });
});
