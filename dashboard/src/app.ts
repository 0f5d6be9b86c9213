/** What every view is given: the api, the one live connection, the shared stores, and ways to ask for a frame or a route. */
import type { ApiClient } from './api/client';
import type { LiveConnection } from './live';
import type { Route } from './router';
import type { AlertStore } from './store/alerts';
import type { CustomerStore } from './store/customers';
import type { Feed } from './store/feed';
import type { OverviewStore } from './store/overview';

/** Whether the server has the alerts endpoints: 'missing' when GET /api/v1/alerts answered 404. */
export type AlertsAvailability = 'unknown' | 'available' | 'missing';

export interface AppContext {
  readonly api: ApiClient;
  readonly live: LiveConnection;
  readonly overview: OverviewStore;
  readonly customers: CustomerStore;
  readonly alerts: AlertStore;
  readonly feed: Feed;
  alertsAvailability: AlertsAvailability;
  /** The account managers of a bound key's book (only their customers are shown); undefined: the whole fleet. */
  book: readonly string[] | undefined;
  /** The newest alert that arrived live, for the inbox's notice. */
  latestArrival: { readonly alertId: string; readonly at: number } | undefined;
  navigate(route: Route, options?: { readonly replace?: boolean }): void;
  /** Asks for a render in the next animation frame (coalesced). */
  requestRender(): void;
  /** Incremented on every (re)connect, so views refetch what pushes may have missed. */
  readonly connectionEpoch: number;
}

export interface View {
  /** The route changed but stays on this view (filters, paging). */
  route(route: Route): void;
  /** Called in an animation frame; must be cheap when nothing changed. */
  render(now: number): void;
  destroy(): void;
}
