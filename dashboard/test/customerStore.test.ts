import { describe, expect, it } from 'vitest';
import { defaultCustomerQuery } from '../src/router';
import { CustomerStore, summaryOf } from '../src/store/customers';
import { customerDocument, profile, summary } from './fixtures';

const now = Date.parse('2026-11-26T14:00:00Z');

function fleet(count: number): CustomerStore {
  const store = new CustomerStore();
  store.load(
    Array.from({ length: count }, (_, i) =>
      summary(`c${String(i).padStart(4, '0')}`, {
        annualRevenue: (i + 1) * 1000,
        experienceScore: i % 100,
        quadrant: i % 2 === 0 ? 'model' : 'at-risk',
        disrupted: i % 10 === 0,
        accountManager: i % 3 === 0 ? 'li' : 'dana',
      }),
    ),
  );
  return store;
}

describe('CustomerStore.query', () => {
  it('pages 2,000 customers sorted by revenue, most first', () => {
    const store = fleet(2000);
    const page = store.query(defaultCustomerQuery, 50);
    expect(page.total).toBe(2000);
    expect(page.pages).toBe(40);
    expect(page.rows).toHaveLength(50);
    expect(page.rows[0]?.annualRevenue).toBe(2_000_000);
    expect(store.query({ ...defaultCustomerQuery, page: 39 }, 50).rows[49]?.annualRevenue).toBe(1000);
  });

  it('clamps a page past the end to the last page', () => {
    const page = fleet(120).query({ ...defaultCustomerQuery, page: 99 }, 50);
    expect(page.page).toBe(2);
    expect(page.rows).toHaveLength(20);
  });

  it('filters by quadrant, disruption and search together', () => {
    const store = fleet(200);
    const page = store.query({ ...defaultCustomerQuery, quadrant: 'model', disruptedOnly: true, search: 'C001' }, 50);
    expect(page.rows.map((row) => row.customerId)).toEqual(['c0010']);
    expect(store.query({ ...defaultCustomerQuery, search: 'li' }, 500).total).toBe(67);
  });

  it('sorts missing values last in both directions, ties by id', () => {
    const store = new CustomerStore();
    store.load([summary('b', { experienceScore: null }), summary('a', { experienceScore: 50 }), summary('c', { experienceScore: 50 }), summary('d', { experienceScore: 70 })]);
    const ascending = store.query({ ...defaultCustomerQuery, sort: 'score', descending: false }, 10).rows.map((row) => row.customerId);
    const descending = store.query({ ...defaultCustomerQuery, sort: 'score', descending: true }, 10).rows.map((row) => row.customerId);
    expect(ascending).toEqual(['a', 'c', 'd', 'b']);
    expect(descending).toEqual(['d', 'a', 'c', 'b']);
  });
});

describe('CustomerStore.applyDocument', () => {
  it('turns a customerChanged push into the list row and a feed line', () => {
    const store = fleet(10);
    const drafts = store.applyDocument(customerDocument('c0004', '2026-11-26T14:00:00Z', { disruptedOn: 'checkout', since: '2026-11-26T13:59:10Z' }), now);

    const row = store.get('c0004');
    expect(row).toMatchObject({ disrupted: true, disruptedTouchpoints: ['checkout'], quadrant: 'at-risk', experienceScore: 64.5, disruptedSince: '2026-11-26T13:59:10Z' });
    expect(drafts.map((draft) => draft.kind)).toEqual(['disrupted', 'quadrant']);
    expect(drafts[0]).toMatchObject({ customerId: 'c0004', touchpoint: 'checkout', at: Date.parse('2026-11-26T13:59:10Z') });
    expect(drafts[0]?.text).toBe('C0004 ($120k) disrupted on checkout');
    expect(store.topDisrupted(1)[0]?.customerId).toBe('c0004');
  });

  it('adds a customer it did not know and reports recovery', () => {
    const store = new CustomerStore();
    expect(store.applyDocument(customerDocument('new', '2026-11-26T14:00:00Z', { disruptedOn: 'login' }), now).map((d) => d.kind)).toEqual(['disrupted']);
    expect(store.size).toBe(1);
    const recovered = store.applyDocument(customerDocument('new', '2026-11-26T14:01:00Z'), now + 60_000);
    expect(recovered.map((d) => d.kind)).toEqual(['recovered', 'quadrant']);
    expect(store.get('new')?.disrupted).toBe(false);
  });

  it('ignores a document older than the one it holds', () => {
    const store = new CustomerStore();
    store.applyDocument(customerDocument('acme', '2026-11-26T14:01:00Z'), now);
    const version = store.version;
    expect(store.applyDocument(customerDocument('acme', '2026-11-26T14:00:00Z', { disruptedOn: 'checkout' }), now)).toEqual([]);
    expect(store.get('acme')?.disrupted).toBe(false);
    expect(store.version).toBe(version);
  });

  it('keeps a customer pushed after the list was requested when the list arrives', () => {
    const store = new CustomerStore();
    const requestedAt = now;
    store.applyDocument(customerDocument('acme', '2026-11-26T14:00:00Z', { disruptedOn: 'checkout' }), now + 10);
    store.load([summary('acme', { disrupted: false }), summary('other')], requestedAt);
    expect(store.get('acme')?.disrupted).toBe(true);
    expect(store.get('other')).toBeDefined();
    store.load([summary('acme', { disrupted: false })], now + 1000);
    expect(store.get('acme')?.disrupted).toBe(false);
  });

  it('keeps profile fields a document does not carry', () => {
    const before = summary('acme', { potentialRevenue: 500_000, segment: 'enterprise' });
    const row = summaryOf(customerDocument('acme', '2026-11-26T14:00:00Z', { profile: profile() }), before);
    expect(row).toMatchObject({ name: 'ACME', potentialRevenue: 500_000, segment: 'enterprise', annualRevenue: 100_000 });
  });

  it('lists the account managers once each', () => {
    expect(fleet(10).accountManagers()).toEqual(['dana', 'li']);
  });
});
