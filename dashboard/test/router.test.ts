import { describe, expect, it } from 'vitest';
import { type Route, defaultCustomerQuery, formatRoute, parseRoute } from '../src/router';

describe('parseRoute', () => {
  it('opens the live impact view by default', () => {
    expect(parseRoute('')).toEqual({ view: 'live' });
    expect(parseRoute('#/')).toEqual({ view: 'live' });
    expect(parseRoute('#/nowhere')).toEqual({ view: 'live' });
  });

  it('reads the customers query with defaults for what is missing or wrong', () => {
    expect(parseRoute('#/customers')).toEqual({ view: 'customers', query: defaultCustomerQuery });
    expect(parseRoute('#/customers?q=acme&quadrant=at-risk&disrupted=true&sort=score&page=2')).toEqual({
      view: 'customers',
      query: { search: 'acme', quadrant: 'at-risk', disruptedOnly: true, sort: 'score', descending: false, page: 2 },
    });
    expect(parseRoute('#/customers?quadrant=happy&sort=shoe-size&page=-3')).toEqual({ view: 'customers', query: defaultCustomerQuery });
  });

  it('decodes customer ids', () => {
    expect(parseRoute('#/customers/acme%3Aeu')).toEqual({ view: 'customer', customerId: 'acme:eu' });
  });

  it('reads the alerts inbox state and account manager', () => {
    expect(parseRoute('#/alerts')).toEqual({ view: 'alerts', accountManager: 'all', state: 'open' });
    expect(parseRoute('#/alerts?am=dana&state=acknowledged')).toEqual({ view: 'alerts', accountManager: 'dana', state: 'acknowledged' });
    expect(parseRoute('#/alerts?state=closed')).toEqual({ view: 'alerts', accountManager: 'all', state: 'open' });
  });
});

describe('formatRoute', () => {
  const routes: Route[] = [
    { view: 'live' },
    { view: 'scorecard' },
    { view: 'customer', customerId: 'acme:eu/1' },
    { view: 'customers', query: defaultCustomerQuery },
    { view: 'customers', query: { search: 'a b', quadrant: 'model', disruptedOnly: true, sort: 'name', descending: false, page: 3 } },
    { view: 'alerts', accountManager: 'all', state: 'open' },
    { view: 'alerts', accountManager: 'li', state: 'resolved' },
  ];

  it.each(routes)('round-trips %o', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('keeps default queries out of the address', () => {
    expect(formatRoute({ view: 'customers', query: defaultCustomerQuery })).toBe('#/customers');
    expect(formatRoute({ view: 'alerts', accountManager: 'all', state: 'open' })).toBe('#/alerts');
  });
});
