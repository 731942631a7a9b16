import { describe, expect, it } from 'vitest';
import { median } from '../../../src/knowledge/cases/median.js';

describe('median days to a decision', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[1, 2, 3, 10], 2.5],
    [[0.04, 0.06], 0.1],
  ])('of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
