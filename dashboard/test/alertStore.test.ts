import { describe, expect, it } from 'vitest';
import { AlertStore, alertHeadline } from '../src/store/alerts';
import { alert } from './fixtures';

describe('AlertStore', () => {
  it('applies alertRaised then alertChanged to the same alert', () => {
    const store = new AlertStore();
    expect(store.upsert(alert('a1'))).toBe('new');
    expect(store.list('dana', 'open').map((a) => a.id)).toEqual(['a1']);

    expect(store.upsert(alert('a1', { state: 'acknowledged', version: 2, acknowledgedAt: '2026-11-26T14:05:00Z' }))).toBe('updated');
    expect(store.list('dana', 'open')).toEqual([]);
    expect(store.list('dana', 'acknowledged').map((a) => a.id)).toEqual(['a1']);
    expect(store.counts('dana')).toEqual({ open: 0, acknowledged: 1, resolved: 0 });
  });

  it('never goes back to an older version (a late push after the ack answer)', () => {
    const store = new AlertStore();
    store.upsert(alert('a1', { state: 'resolved', version: 3 }));
    expect(store.upsert(alert('a1', { state: 'acknowledged', version: 2 }))).toBe('stale');
    expect(store.get('a1')?.state).toBe('resolved');
  });

  it('filters by account manager, "all" sees everyone', () => {
    const store = new AlertStore();
    store.load([alert('a1'), alert('a2', { accountManager: 'li' }), alert('a3', { accountManager: 'li', state: 'resolved' })]);
    expect(store.list('li', 'open').map((a) => a.id)).toEqual(['a2']);
    expect(store.list('all', 'open').map((a) => a.id).sort()).toEqual(['a1', 'a2']);
    expect(store.counts('all')).toEqual({ open: 2, acknowledged: 0, resolved: 1 });
    expect(store.accountManagers()).toEqual(['dana', 'li']);
  });

  it('puts critical and escalated alerts first, then the newest', () => {
    const store = new AlertStore();
    store.load([
      alert('old-warning', { openedAt: '2026-11-26T13:00:00Z' }),
      alert('new-warning', { openedAt: '2026-11-26T14:30:00Z' }),
      alert('escalated-warning', { openedAt: '2026-11-26T12:00:00Z', escalated: true, escalatedTo: 'head-of-cs' }),
      alert('critical', { severity: 'critical', openedAt: '2026-11-26T10:00:00Z' }),
      alert('info', { severity: 'info', openedAt: '2026-11-26T15:00:00Z' }),
    ]);
    expect(store.list('all', 'open').map((a) => a.id)).toEqual(['critical', 'escalated-warning', 'new-warning', 'old-warning', 'info']);
  });

  it('describes an alert by its title, else by its reason', () => {
    expect(alertHeadline(alert('a', { title: 'Acme disrupted on checkout for 3 min' }))).toBe('Acme disrupted on checkout for 3 min');
    expect(alertHeadline(alert('a', { title: '' }))).toBe('acme disrupted on checkout');
    expect(alertHeadline(alert('a', { title: '', reason: 'at-risk' }))).toBe('acme entered At-Risk');
  });
});
