import { describe, expect, it } from 'vitest';
import { parseNumber } from './parseNumber';

describe('parseNumber', () => {
  it('reads numbers as French users type them', () => {
    expect(parseNumber('5 000')).toBe(5000);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('1\u202f500,00 €')).toBe(1500);
    expect(parseNumber(' 7 ')).toBe(7);
  });

  it('gives NaN for nothing, a negative, or words', () => {
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('-3')).toBeNaN();
    expect(parseNumber('douze')).toBeNaN();
    expect(parseNumber('1,2,3')).toBeNaN();
  });
});
