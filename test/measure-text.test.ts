import { describe, expect, it } from 'vitest';
import { measureTextWidth } from '../pipeline/charts/measure-text.js';

const sans = { font: '"Source Sans 3", sans-serif', fontSize: 12 };

describe('measureTextWidth', () => {
  it('measures with the real glyphs, not vega’s 0.8 em guess', () => {
    const width = measureTextWidth(sans, 'Utilisateurs bloqués par pays');
    expect(width).toBeGreaterThan(0.35 * 12 * 29);
    expect(width).toBeLessThan(0.6 * 12 * 29);
    expect(measureTextWidth(sans, 'iiii')).toBeLessThan(measureTextWidth(sans, 'MMMM') / 2);
  });

  it('grows with size and weight', () => {
    const regular = measureTextWidth(sans, 'États-Unis');
    expect(measureTextWidth({ ...sans, fontSize: 24 }, 'États-Unis')).toBeCloseTo(regular * 2, 5);
    expect(measureTextWidth({ ...sans, fontWeight: 'bold' }, 'États-Unis')).toBeGreaterThan(regular);
  });

  it('measures characters outside the Latin subset, and nothing for empty text', () => {
    expect(measureTextWidth(sans, 'Россия')).toBeGreaterThan(20);
    expect(measureTextWidth(sans, '')).toBe(0);
    expect(measureTextWidth({ ...sans, fontSize: 0 }, 'x')).toBe(0);
  });

  it('stops at the label limit', () => {
    expect(measureTextWidth({ ...sans, limit: 30 }, 'Une très longue étiquette')).toBe(30);
  });
});
