/**
 * Hash routes, so the api needs no fallback for deep links and a reload keeps the view:
 * #/ (live impact), #/customers?..., #/customers/{id}, #/scorecard, #/alerts?am=&state=
 */
import { type AlertState, type Quadrant, alertStates, quadrants } from './api/types';

export type CustomerSortKey = 'name' | 'revenue' | 'score' | 'disruptedSince' | 'quadrant';
export const customerSortKeys: readonly CustomerSortKey[] = ['name', 'revenue', 'score', 'disruptedSince', 'quadrant'];

export interface CustomerQuery {
  readonly search: string;
  readonly quadrant: Quadrant | 'all';
  readonly disruptedOnly: boolean;
  readonly sort: CustomerSortKey;
  readonly descending: boolean;
  readonly page: number;
}

export const defaultCustomerQuery: CustomerQuery = {
  search: '',
  quadrant: 'all',
  disruptedOnly: false,
  sort: 'revenue',
  descending: true,
  page: 0,
};

export type Route =
  | { readonly view: 'live' }
  | { readonly view: 'customers'; readonly query: CustomerQuery }
  | { readonly view: 'customer'; readonly customerId: string }
  | { readonly view: 'scorecard' }
  | { readonly view: 'alerts'; readonly accountManager: string; readonly state: AlertState };

export type ViewName = Route['view'];

export function parseRoute(hash: string): Route {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const [pathPart = '', queryPart = ''] = text.split('?', 2);
  const segments = pathPart.split('/').filter((segment) => segment !== '').map(safeDecode);
  const params = new URLSearchParams(queryPart);
  const [first, second] = segments;
  switch (first) {
    case 'customers':
      return second === undefined ? { view: 'customers', query: parseCustomerQuery(params) } : { view: 'customer', customerId: second };
    case 'scorecard':
      return { view: 'scorecard' };
    case 'alerts': {
      const state = params.get('state');
      return {
        view: 'alerts',
        accountManager: params.get('am')?.trim() || 'all',
        state: alertStates.find((candidate) => candidate === state) ?? 'open',
      };
    }
    default:
      return { view: 'live' };
  }
}

export function formatRoute(route: Route): string {
  switch (route.view) {
    case 'live':
      return '#/';
    case 'customers': {
      const params = customerQueryParams(route.query);
      return params === '' ? '#/customers' : `#/customers?${params}`;
    }
    case 'customer':
      return `#/customers/${encodeURIComponent(route.customerId)}`;
    case 'scorecard':
      return '#/scorecard';
    case 'alerts': {
      const params = new URLSearchParams();
      if (route.accountManager !== 'all') {
        params.set('am', route.accountManager);
      }
      if (route.state !== 'open') {
        params.set('state', route.state);
      }
      const text = params.toString();
      return text === '' ? '#/alerts' : `#/alerts?${text}`;
    }
  }
}

function parseCustomerQuery(params: URLSearchParams): CustomerQuery {
  const quadrant = params.get('quadrant');
  const sort = params.get('sort') ?? '';
  const descending = sort.startsWith('-');
  const sortKey = customerSortKeys.find((key) => key === (descending ? sort.slice(1) : sort));
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    search: params.get('q') ?? '',
    quadrant: quadrants.find((candidate) => candidate === quadrant) ?? 'all',
    disruptedOnly: params.get('disrupted') === 'true',
    sort: sortKey ?? defaultCustomerQuery.sort,
    descending: sortKey === undefined ? defaultCustomerQuery.descending : descending,
    page: Number.isFinite(page) && page > 0 ? page : 0,
  };
}

function customerQueryParams(query: CustomerQuery): string {
  const params = new URLSearchParams();
  if (query.search !== '') {
    params.set('q', query.search);
  }
  if (query.quadrant !== 'all') {
    params.set('quadrant', query.quadrant);
  }
  if (query.disruptedOnly) {
    params.set('disrupted', 'true');
  }
  if (query.sort !== defaultCustomerQuery.sort || query.descending !== defaultCustomerQuery.descending) {
    params.set('sort', `${query.descending ? '-' : ''}${query.sort}`);
  }
  if (query.page > 0) {
    params.set('page', String(query.page));
  }
  return params.toString();
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
