import { describe, expect, it } from 'vitest';
import { OverviewStore } from '../src/store/overview';
import { impact, kpi, overview, touchpoint } from './fixtures';

const t0 = Date.parse('2026-11-26T14:00:00Z');
const at = (ms: number): string => new Date(t0 + ms).toISOString();

describe('OverviewStore', () => {
  it('keeps the latest overview and one trend sample per touchpoint per second', () => {
    const store = new OverviewStore(120, 1000);
    store.apply(overview(at(0), [touchpoint('checkout')]), t0);
    store.apply(overview(at(250), [touchpoint('checkout', { customers: impact({ active: 2000, disrupted: 3, revenueDisrupted: 1 }) })]), t0 + 250);
    store.apply(overview(at(1250), [touchpoint('checkout', { customers: impact({ active: 2000, disrupted: 5, revenueDisrupted: 2 }) })]), t0 + 1250);

    const trend = store.trend('checkout');
    expect(trend.map((point) => point.disrupted)).toEqual([3, 5]);
    expect(trend[0]?.t).toBe(t0); // the slot keeps its time, the newest value stands for it
    expect(store.current?.asOf).toBe(at(1250));
    expect(store.fleet.map((point) => point.disrupted)).toEqual([3, 5]);
  });

  it('caps the history', () => {
    const store = new OverviewStore(3, 1000);
    for (let i = 0; i < 10; i++) {
      store.apply(overview(at(i * 1000), [touchpoint('login', { customers: impact({ active: 1, disrupted: i, revenueDisrupted: 0 }) })]), t0 + i * 1000);
    }
    expect(store.trend('login').map((point) => point.disrupted)).toEqual([7, 8, 9]);
  });

  it('ignores an overview older than the one it holds', () => {
    const store = new OverviewStore();
    store.apply(overview(at(1000), [touchpoint('login')]), t0);
    const version = store.version;
    expect(store.apply(overview(at(0), [touchpoint('login', { hiddenDisruption: true })]), t0 + 5)).toEqual([]);
    expect(store.current?.asOf).toBe(at(1000));
    expect(store.version).toBe(version);
  });

  it('reports a hidden disruption starting and ending, and KPI breaches, for the feed', () => {
    const store = new OverviewStore();
    store.apply(overview(at(0), [touchpoint('checkout')]), t0);
    const hidden = touchpoint('checkout', { hiddenDisruption: true, internal: kpi({ availability: 0.996, p95LatencyMs: 180, sloTarget: 0.995, healthy: true }), customers: impact({ active: 2000, disrupted: 20, revenueDisrupted: 2_300_000 }) });
    const started = store.apply(overview(at(1000), [hidden]), t0 + 1000);
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ kind: 'hidden', touchpoint: 'checkout' });
    expect(started[0]?.text).toContain('20 customers ($2.3M) disrupted');

    const breached = touchpoint('checkout', { internal: kpi({ availability: 0.98, p95LatencyMs: 900, sloTarget: 0.995, healthy: false }) });
    expect(store.apply(overview(at(2000), [breached]), t0 + 2000).map((draft) => draft.kind)).toEqual(['hidden-cleared', 'kpi-breach']);
    expect(store.apply(overview(at(3000), [touchpoint('checkout')]), t0 + 3000).map((draft) => draft.kind)).toEqual(['kpi-healthy']);
  });
});
