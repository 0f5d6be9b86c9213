import { describe, expect, it } from 'vitest';
import { formatUpdatedAgo } from '../src/timeAgo';

const t0 = Date.UTC(2026, 10, 26, 12, 0, 0);

describe('formatUpdatedAgo', () => {
  it('says so when nothing has arrived yet', () => {
    expect(formatUpdatedAgo(undefined, t0)).toBe('not updated yet');
  });

  it.each([
    [0, 'updated just now'],
    [1_999, 'updated just now'],
    [2_000, 'updated 2 s ago'],
    [59_999, 'updated 59 s ago'],
    [60_000, 'updated 1 min ago'],
    [3_599_999, 'updated 59 min ago'],
    [3_600_000, 'updated 1 h ago'],
    [26 * 3_600_000, 'updated 26 h ago'],
  ])('%i ms ago reads "%s"', (elapsed, expected) => {
    expect(formatUpdatedAgo(t0, t0 + elapsed)).toBe(expected);
  });

  it('never shows a negative age when the clock steps back', () => {
    expect(formatUpdatedAgo(t0 + 5_000, t0)).toBe('updated just now');
  });
});
