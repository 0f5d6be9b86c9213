import { describe, expect, it } from 'vitest';
import {
  formatAvailability,
  formatCount,
  formatDuration,
  formatLatency,
  formatMoney,
  formatPercent,
  formatPoints,
  formatScore,
  formatSignedPoints,
  formatSince,
  hiddenDisruptionSentence,
  none,
  plural,
} from '../src/format';

describe('formatMoney', () => {
  it('abbreviates with one decimal below ten of a unit', () => {
    expect(formatMoney(2_300_000)).toBe('$2.3M');
    expect(formatMoney(653_000)).toBe('$653k');
    expect(formatMoney(4_100_000)).toBe('$4.1M');
    expect(formatMoney(1_000)).toBe('$1k');
    expect(formatMoney(12_500)).toBe('$13k');
    expect(formatMoney(950)).toBe('$950');
    expect(formatMoney(0)).toBe('$0');
    expect(formatMoney(2_000_000_000)).toBe('$2B');
  });

  it('rounds up to the next unit instead of showing $1000k', () => {
    expect(formatMoney(999_999)).toBe('$1M');
  });

  it('keeps the sign and shows a dash for nothing', () => {
    expect(formatMoney(-2_300_000)).toBe('-$2.3M');
    expect(formatMoney(null)).toBe(none);
    expect(formatMoney(undefined)).toBe(none);
    expect(formatMoney(Number.NaN)).toBe(none);
  });
});

describe('percentages', () => {
  it('formats ratios with the digits asked for, trailing zeros dropped', () => {
    expect(formatPercent(0.9955, 2)).toBe('99.55%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.123)).toBe('12.3%');
    expect(formatPercent(null)).toBe(none);
  });

  it('never rounds an availability miss up to 100%', () => {
    expect(formatAvailability(0.99996)).toBe('99.996%');
    expect(formatAvailability(0.999999)).toBe('99.999%');
    expect(formatAvailability(0.9955)).toBe('99.55%');
    expect(formatAvailability(0.996)).toBe('99.6%');
    expect(formatAvailability(1)).toBe('100%');
    expect(formatAvailability(0.5)).toBe('50%');
  });

  it('signs percentage points', () => {
    expect(formatPoints(0.027)).toBe('+2.7 pt');
    expect(formatPoints(-0.004)).toBe('-0.4 pt');
    expect(formatPoints(0)).toBe('0 pt');
  });
});

describe('durations and latency', () => {
  it('reads like a person would say it', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(180_000)).toBe('3 min');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 5 min');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(27 * 3_600_000)).toBe('1 d 3 h');
    expect(formatDuration(-5)).toBe('0 s');
  });

  it('measures since a time, with a dash for none', () => {
    const now = Date.parse('2026-11-26T14:00:00Z');
    expect(formatSince('2026-11-26T13:59:10Z', now)).toBe('50 s');
    expect(formatSince(null, now)).toBe(none);
    expect(formatSince('not a time', now)).toBe(none);
  });

  it('switches latency to seconds from 1 s', () => {
    expect(formatLatency(180.4)).toBe('180 ms');
    expect(formatLatency(1_234)).toBe('1.2 s');
    expect(formatLatency(12_400)).toBe('12 s');
    expect(formatLatency(null)).toBe(none);
  });
});

describe('counts and scores', () => {
  it('groups thousands and pluralises', () => {
    expect(formatCount(2000)).toBe('2,000');
    expect(plural(1, 'customer')).toBe('1 customer');
    expect(plural(20, 'customer')).toBe('20 customers');
    expect(formatScore(64.54)).toBe('64.5');
    expect(formatScore(100)).toBe('100');
    expect(formatScore(null)).toBe(none);
    expect(formatSignedPoints(-10.74)).toBe('-10.7');
    expect(formatSignedPoints(2)).toBe('+2');
  });
});

describe('hiddenDisruptionSentence', () => {
  it('says what uptime hides in one sentence', () => {
    expect(hiddenDisruptionSentence(0.996, 20, 2_300_000)).toBe('availability 99.6% - 20 customers, $2.3M annual revenue, disrupted');
    expect(hiddenDisruptionSentence(1, 1, 653_000)).toBe('availability 100% - 1 customer, $653k annual revenue, disrupted');
  });
});
