import { describe, expect, it } from 'vitest';
import { formatSeconds, plural } from '../../src/cli/progress.js';

describe('summary wording', () => {
  it('pluralises counts: 1 epoch, 2 epochs, 0 steps, 1,000 steps', () => {
    expect(plural(1, 'epoch')).toBe('1 epoch');
    expect(plural(2, 'epoch')).toBe('2 epochs');
    expect(plural(0, 'step')).toBe('0 steps');
    expect(plural(1000, 'step')).toBe('1,000 steps');
  });

  it('prints sub-second and short durations with a significant digit, longer ones in whole seconds', () => {
    expect(formatSeconds(0)).toBe('0 s');
    expect(formatSeconds(0.0004)).toBe('0.0004 s');
    expect(formatSeconds(0.04)).toBe('0.04 s');
    expect(formatSeconds(0.3)).toBe('0.3 s');
    expect(formatSeconds(0.96)).toBe('1.0 s');
    expect(formatSeconds(5.24)).toBe('5.2 s');
    expect(formatSeconds(9.96)).toBe('10 s');
    expect(formatSeconds(42.4)).toBe('42 s');
    expect(formatSeconds(Number.NaN)).toBe('? s');
  });
});
