/**
 * Wires the page: one live connection (overview, every customer's changes,
 * alerts), shared stores fed by fetches and pushes, hash routing between the
 * four views, and one render per animation frame however many pushes came.
 */
import type { AppContext, View } from './app';
import { ApiKeyStore, authorizationHeaders, sessionStorageOrUndefined } from './apiKey';
import { createApiClient } from './api/client';
import { isAlert, isCaller, isCustomerDocument, isCustomerList, isOverview } from './api/guards';
import type { Alert } from './api/types';
import { createFrameScheduler } from './frame';
import { createHealthMonitor } from './health';
import { LiveConnection } from './live';
import { type Route, formatRoute, parseRoute } from './router';
import { type Scope, bookOverviewPollMs, fleetScope, sameScope, scopeOf, topicsFor } from './scope';
import { bindShell } from './shell';
import { AlertStore, alertHeadline } from './store/alerts';
import { CustomerStore } from './store/customers';
import { Feed } from './store/feed';
import { OverviewStore } from './store/overview';
import { createAlertsView } from './views/alerts';
import { createCustomerView } from './views/customer';
import { createCustomersView } from './views/customers';
import { createLiveImpactView } from './views/liveImpact';
import { createScorecardView } from './views/scorecard';

/** The customers list is loaded whole (the api's largest page); the views page and filter it locally. */
const customerLimit = 5000;

const apiKeys = new ApiKeyStore(sessionStorageOrUndefined());
const live = new LiveConnection({ accessToken: () => apiKeys.get() });
const api = createApiClient((url, init) => fetch(url, init), () => authorizationHeaders(apiKeys.get()));
const shell = bindShell(document);
const viewRoot = document.getElementById('view') as HTMLElement;

let epoch = 0;
let lastDataAt: number | undefined;
let problem: string | undefined;

const ctx: AppContext = {
  api,
  live,
  overview: new OverviewStore(),
  customers: new CustomerStore(),
  alerts: new AlertStore(),
  feed: new Feed(),
  alertsAvailability: 'unknown',
  book: undefined,
  latestArrival: undefined,
  navigate,
  requestRender: () => frames.schedule(),
  get connectionEpoch() {
    return epoch;
  },
};

let current: { readonly route: Route; readonly view: View } | undefined;

const frames = createFrameScheduler(render, (callback) => requestAnimationFrame(callback));

function render(): void {
  const now = Date.now();
  shell.render({
    connection: live.state,
    lastDataAt,
    openAlerts: ctx.alertsAvailability === 'available' ? ctx.alerts.counts('all').open : undefined,
    problem,
    apiKeySet: apiKeys.get() !== undefined,
    book: ctx.book,
    view: current?.route.view,
    now,
  });
  current?.view.render(now);
}

function mount(route: Route): void {
  if (current !== undefined && sameView(current.route, route)) {
    current.view.route(route);
    current = { route, view: current.view };
    frames.schedule();
    return;
  }
  current?.view.destroy();
  viewRoot.replaceChildren();
  const view = createView(route);
  current = { route, view };
  frames.schedule();
}

function createView(route: Route): View {
  switch (route.view) {
    case 'live':
      return createLiveImpactView(viewRoot, ctx);
    case 'customers':
      return createCustomersView(viewRoot, ctx, route.query);
    case 'customer':
      return createCustomerView(viewRoot, ctx, route.customerId);
    case 'scorecard':
      return createScorecardView(viewRoot, ctx);
    case 'alerts':
      return createAlertsView(viewRoot, ctx, route);
  }
}

function sameView(a: Route, b: Route): boolean {
  return a.view === b.view && (a.view !== 'customer' || (b.view === 'customer' && a.customerId === b.customerId));
}

function navigate(route: Route, options?: { readonly replace?: boolean }): void {
  const hash = formatRoute(route);
  if (options?.replace === true) {
    history.replaceState(null, '', hash);
    mount(route);
  } else if (location.hash !== hash) {
    location.hash = hash;
  } else {
    mount(route);
  }
}

window.addEventListener('hashchange', () => {
  const route = parseRoute(location.hash);
  const changedView = current === undefined || !sameView(current.route, route);
  mount(route);
  if (changedView) {
    // Keyboard and screen reader users land on the new content.
    document.getElementById('main')?.focus({ preventScroll: true });
  }
});

// Pushes: each goes to its store; the frame after draws whatever changed.
live.on('overview', (payload) => {
  if (isOverview(payload)) {
    const now = Date.now();
    ctx.feed.add(ctx.overview.apply(payload, now));
    lastDataAt = now;
    frames.schedule();
  }
});
live.on('customerChanged', (payload) => {
  if (isCustomerDocument(payload)) {
    const now = Date.now();
    ctx.feed.add(ctx.customers.applyDocument(payload, now));
    lastDataAt = now;
    frames.schedule();
  }
});
live.on('alertRaised', (payload) => alertPushed(payload, true));
live.on('alertChanged', (payload) => alertPushed(payload, false));

function alertPushed(payload: unknown, raised: boolean): void {
  if (!isAlert(payload)) {
    return;
  }
  const now = Date.now();
  ctx.alertsAvailability = 'available';
  const outcome = ctx.alerts.upsert(payload);
  if (outcome === 'new' && raised) {
    ctx.latestArrival = { alertId: payload.id, at: now };
    ctx.feed.add([alertFeedItem(payload, now)]);
  } else if (outcome === 'updated' && payload.escalated === true) {
    ctx.feed.add([{ ...alertFeedItem(payload, now), text: `Escalated: ${alertHeadline(payload)}` }]);
  }
  lastDataAt = now;
  frames.schedule();
}

function alertFeedItem(alert: Alert, now: number): { at: number; kind: 'alert'; text: string; customerId: string } {
  return { at: now, kind: 'alert', customerId: alert.customerId, text: `Alert (${alert.severity}) for ${alert.accountManager}: ${alertHeadline(alert)}` };
}

// What the page watches follows who the key is: the fleet, or a bound key's book (src/scope.ts). Nothing is
// joined before the server has said which; a key that changes the book starts the page afresh, so no store keeps
// what another key was shown.
let scope: Scope | undefined;

async function applyScope(): Promise<void> {
  const me = await api.get('/api/v1/me', isCaller);
  const next = me.ok ? scopeOf(me.data) : fleetScope;
  if (scope !== undefined) {
    if (!sameScope(scope, next)) {
      location.reload();
    }
    return;
  }
  scope = next;
  ctx.book = next.kind === 'book' ? next.accountManagers : undefined;
  for (const topic of topicsFor(next)) {
    live.subscribe(topic);
  }
  if (next.kind === 'book') {
    setInterval(() => void refreshOverview(), bookOverviewPollMs);
  }
  frames.schedule();
}

async function refreshOverview(): Promise<void> {
  const overview = await api.get('/api/v1/overview', isOverview);
  if (overview.ok) {
    const now = Date.now();
    ctx.feed.add(ctx.overview.apply(overview.data, now));
    lastDataAt = now;
    frames.schedule();
  }
}

let wasConnected = false;
live.onStateChange((state) => {
  if (state.status === 'connected' && !wasConnected) {
    // Pushes sent while we were away are gone: read the present again (unless a read just started).
    epoch++;
    if (Date.now() - lastFetchStarted > 1_500) {
      void fetchAll();
    }
  }
  wasConnected = state.status === 'connected';
  frames.schedule();
});

let lastFetchStarted = 0;

async function fetchAll(): Promise<void> {
  const startedAt = Date.now();
  lastFetchStarted = startedAt;
  const [overview, customers] = await Promise.all([
    api.get('/api/v1/overview', isOverview),
    api.get(`/api/v1/customers?limit=${customerLimit}&sort=-revenue`, isCustomerList),
  ]);
  if (overview.ok) {
    ctx.overview.apply(overview.data, Date.now());
    lastDataAt = Date.now();
    problem = undefined;
  } else {
    problem = overview.status === 401 || overview.status === 403 ? `The server wants an API key: ${overview.message}` : `Could not read the overview: ${overview.message}`;
    if (overview.status === 401 || overview.status === 403) {
      shell.openAccess();
    }
  }
  if (customers.ok) {
    ctx.customers.load(customers.data.items, startedAt);
  }
  frames.schedule();
}

const health = createHealthMonitor({
  fetch: (url, init) => fetch(url, init),
  headers: () => authorizationHeaders(apiKeys.get()),
  onReport: (report) => {
    shell.health(report);
    frames.schedule();
  },
});

shell.onApiKey((value) => {
  apiKeys.set(value);
  keyChanged();
});
shell.onForgetKey(() => {
  apiKeys.clear();
  keyChanged();
});

function keyChanged(): void {
  frames.schedule();
  // The hub reads the token only when it connects; the reconnect refetches everything.
  wasConnected = false;
  void live.restart();
  void health.checkNow();
  void fetchAll();
  void applyScope();
}

// "updated N s ago", "for N min" and countdowns move with the clock.
setInterval(() => frames.schedule(), 1_000);

mount(parseRoute(location.hash));
void fetchAll();
void applyScope();
void live.start();
health.start();
