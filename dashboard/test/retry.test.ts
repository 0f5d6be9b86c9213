import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from '../src/retry';

const noJitter = (): number => 0;

describe('reconnectDelayMs', () => {
  it('backs off and then keeps trying every 30 s', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 50].map((n) => reconnectDelayMs(n, noJitter));
    expect(delays).toEqual([0, 1_000, 2_000, 5_000, 10_000, 30_000, 30_000, 30_000]);
  });

  it('adds at most 20 % jitter', () => {
    expect(reconnectDelayMs(5, () => 0.999_999)).toBeLessThanOrEqual(36_000);
    expect(reconnectDelayMs(5, () => 0.5)).toBe(33_000);
  });

  it('never returns null, so automatic reconnect never gives up', () => {
    expect(reconnectDelayMs(Number.MAX_SAFE_INTEGER, noJitter)).toBe(30_000);
  });
});
