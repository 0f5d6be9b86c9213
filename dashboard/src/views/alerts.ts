/**
 * Alerts inbox: pick the account manager (or all), open / acknowledged /
 * resolved tabs, acknowledge or resolve with a note, new alerts announced as
 * they arrive, escalations marked. Without the alerts endpoints on the server
 * (404) it says so instead of showing an empty inbox as if all were well.
 */
import type { AppContext, View } from '../app';
import { isAlert, isAlertList } from '../api/guards';
import { type Alert, type AlertState, alertStates } from '../api/types';
import { h, reconcile, setAttr, setHidden, setText } from '../dom';
import { formatDateTime, formatMoney, formatScore, formatSince, none } from '../format';
import type { Route } from '../router';
import { alertHeadline, belongsTo } from '../store/alerts';

/** The inbox shows this many cards at most; the count says how many there are. */
export const alertsShown = 100;
const noticeMs = 15_000;

const stateLabels: Readonly<Record<AlertState, string>> = { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' };

export function createAlertsView(root: HTMLElement, ctx: AppContext, initial: { accountManager: string; state: AlertState }): View {
  let accountManager = initial.accountManager;
  let state = initial.state;
  const picker = h('select', { id: 'alerts-am' });
  const tabs = h('div', { role: 'tablist', 'aria-label': 'Alert state', class: 'tabs' });
  const tabButtons = new Map<AlertState, HTMLButtonElement>();
  for (const candidate of alertStates) {
    const button = h('button', { type: 'button', role: 'tab', id: `alerts-tab-${candidate}`, 'aria-controls': 'alerts-list', 'data-state': candidate });
    button.addEventListener('click', () => go({ state: candidate }));
    button.addEventListener('keydown', (event) => {
      const index = alertStates.indexOf(candidate);
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step !== 0) {
        const target = alertStates[(index + step + alertStates.length) % alertStates.length] ?? 'open';
        go({ state: target });
        tabButtons.get(target)?.focus();
      }
    });
    tabButtons.set(candidate, button);
    tabs.append(button);
  }
  const notice = h('p', { class: 'notice', id: 'alerts-notice', role: 'status', 'aria-live': 'polite', hidden: '' });
  const status = h('p', { class: 'muted', id: 'alerts-status', role: 'status' }, 'Loading…');
  const list = h('ul', { class: 'alert-list', id: 'alerts-list', role: 'tabpanel' });
  root.append(
    h('h2', {}, 'Alerts inbox'),
    h(
      'section',
      { class: 'panel' },
      h('div', { class: 'filters' }, h('label', { for: 'alerts-am' }, 'Account manager'), picker),
      tabs,
      notice,
      status,
      list,
    ),
  );
  picker.addEventListener('change', () => go({ accountManager: picker.value }));

  let fetchedFor = '';
  let fetchedEpoch = -1;
  let loading = false;
  let error: string | undefined;
  let seenAlerts = -1;
  let seenKey = '';
  let seenManagers = '';
  let seenArrival: string | undefined;
  let noticeUntil = 0;
  let destroyed = false;
  let unsubscribe: (() => void) | undefined;
  /** Notes typed but not sent, by alert id, so a re-render never loses them. */
  const pending = new Map<string, string>();

  function go(changes: Partial<{ accountManager: string; state: AlertState }>): void {
    ctx.navigate({ view: 'alerts', accountManager: changes.accountManager ?? accountManager, state: changes.state ?? state }, { replace: true });
  }

  function follow(): void {
    unsubscribe?.();
    unsubscribe = accountManager === 'all' ? undefined : ctx.live.subscribe({ kind: 'accountManager', accountManager });
  }

  async function load(): Promise<void> {
    const forManager = accountManager;
    fetchedFor = forManager;
    fetchedEpoch = ctx.connectionEpoch;
    loading = true;
    const query = forManager === 'all' ? '' : `?accountManager=${encodeURIComponent(forManager)}`;
    const result = await ctx.api.get(`/api/v1/alerts${query}`, isAlertList);
    loading = false;
    if (destroyed) {
      return;
    }
    if (result.ok) {
      ctx.alertsAvailability = 'available';
      error = undefined;
      ctx.alerts.load(result.data.items);
    } else if (result.status === 404) {
      ctx.alertsAvailability = 'missing';
      error = undefined;
    } else {
      error = result.message;
    }
    seenKey = '';
    ctx.requestRender();
  }

  async function act(alert: Alert, action: 'ack' | 'resolve', card: HTMLElement): Promise<void> {
    const note = pending.get(alert.id) ?? '';
    const buttons = card.querySelectorAll('button');
    buttons.forEach((button) => (button.disabled = true));
    const result = await ctx.api.post(`/api/v1/alerts/${encodeURIComponent(alert.id)}/${action}`, { note }, isAlert);
    buttons.forEach((button) => (button.disabled = false));
    const feedback = card.querySelector('.action-status');
    if (result.ok) {
      pending.delete(alert.id);
      ctx.alerts.upsert(result.data);
      if (feedback) {
        setText(feedback, '');
      }
    } else if (feedback) {
      setText(feedback, `Could not ${action === 'ack' ? 'acknowledge' : 'resolve'}: ${result.message}`);
    }
    ctx.requestRender();
  }

  function createCard(alert: Alert): HTMLLIElement {
    const noteId = `note-${alert.id}`;
    const note = h('input', { id: noteId, type: 'text', class: 'note', autocomplete: 'off', placeholder: 'what you did or will do' });
    note.addEventListener('input', () => pending.set(alert.id, note.value));
    const ack = h('button', { type: 'button', class: 'ack' }, 'Acknowledge');
    const resolve = h('button', { type: 'button', class: 'resolve' }, 'Resolve');
    const card = h(
      'li',
      { class: 'alert-card', 'data-alert-id': alert.id },
      h(
        'div',
        { class: 'alert-head' },
        h('span', { class: 'badge severity' }),
        ' ',
        h('a', { class: 'alert-title', href: `#/customers/${encodeURIComponent(alert.customerId)}` }),
        ' ',
        h('span', { class: 'badge escalated', 'data-tone': 'error' }),
        ' ',
        h('span', { class: 'badge state' }),
      ),
      h('p', { class: 'muted alert-meta' }),
      h('p', { class: 'alert-evidence' }),
      h('details', {}, h('summary', {}, 'History'), h('ol', { class: 'plain-list alert-history' })),
      h(
        'form',
        { class: 'alert-actions' },
        h('label', { for: noteId }, 'Note'),
        note,
        ack,
        resolve,
        h('span', { class: 'action-status', role: 'status', 'data-tone': 'error' }),
      ),
    );
    card.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
    ack.addEventListener('click', () => {
      const current = ctx.alerts.get(alert.id);
      if (current) {
        void act(current, 'ack', card);
      }
    });
    resolve.addEventListener('click', () => {
      const current = ctx.alerts.get(alert.id);
      if (current) {
        void act(current, 'resolve', card);
      }
    });
    return card;
  }

  function updateCard(card: HTMLLIElement, alert: Alert, now: number): void {
    const q = (selector: string): Element | null => card.querySelector(selector);
    const severity = q('.severity');
    if (severity) {
      setText(severity, alert.severity);
      setAttr(severity, 'data-severity', alert.severity);
    }
    const title = q('.alert-title');
    if (title) {
      setText(title, alertHeadline(alert));
    }
    const escalated = q('.escalated') as HTMLElement | null;
    if (escalated) {
      setHidden(escalated, alert.escalated !== true);
      setText(escalated, alert.escalated ? `Escalated${alert.escalatedTo ? ` to ${alert.escalatedTo}` : ''}${alert.escalatedAt ? ` ${formatSince(alert.escalatedAt, now)} ago` : ''}` : '');
    }
    const stateBadge = q('.state');
    if (stateBadge) {
      setText(stateBadge, stateLabels[alert.state] ?? alert.state);
      setAttr(stateBadge, 'data-state', alert.state);
    }
    setAttr(card, 'data-state', alert.state);
    setAttr(card, 'data-escalated', alert.escalated ? 'true' : undefined);
    const meta = q('.alert-meta');
    if (meta) {
      const parts = [
        `${alert.accountManager}`,
        `reason ${alert.reason}`,
        alert.touchpoint ? `on ${alert.touchpoint}` : undefined,
        `opened ${formatDateTime(alert.openedAt)} (${formatSince(alert.openedAt, now)} ago)`,
        alert.occurrences && alert.occurrences > 1 ? `${alert.occurrences} occurrences` : undefined,
        alert.cleared ? 'condition cleared' : undefined,
        alert.silenced ? 'silenced' : undefined,
      ];
      setText(meta, parts.filter((part) => part !== undefined).join(' · '));
    }
    const evidence = q('.alert-evidence');
    if (evidence) {
      const e = alert.evidence;
      const disrupted = (e?.touchpoints ?? []).filter((row) => row.disrupted).map((row) => row.touchpoint);
      const complaints = (e?.feedback ?? []).filter((item) => item.comment).map((item) => `"${item.comment}"`);
      setText(
        evidence,
        e
          ? [
              `revenue ${formatMoney(e.annualRevenue)}`,
              `score ${formatScore(e.experienceScore)}`,
              `quadrant ${e.quadrant ?? none}`,
              disrupted.length > 0 ? `disrupted on ${disrupted.join(', ')}` : undefined,
              complaints[0],
            ]
              .filter((part) => part !== undefined)
              .join(' · ')
          : '',
      );
    }
    const history = q('.alert-history');
    if (history instanceof HTMLElement) {
      reconcile(
        history,
        alert.history ?? [],
        (entry) => `${entry.at}:${entry.action}`,
        (entry) =>
          h('li', {}, h('time', { datetime: entry.at, class: 'muted' }, formatDateTime(entry.at)), ` ${entry.action}${entry.by ? ` by ${entry.by}` : ''}${entry.note ? `: ${entry.note}` : ''}`),
        () => undefined,
      );
    }
    const ack = q('button.ack') as HTMLButtonElement | null;
    const resolve = q('button.resolve') as HTMLButtonElement | null;
    const form = q('.alert-actions') as HTMLElement | null;
    if (ack && resolve && form) {
      setHidden(ack, alert.state !== 'open');
      setHidden(resolve, alert.state === 'resolved');
      setHidden(form, alert.state === 'resolved');
    }
  }

  function renderPicker(): void {
    const managers = [...new Set([...ctx.customers.accountManagers(), ...ctx.alerts.accountManagers(), ...(accountManager === 'all' ? [] : [accountManager])])].sort((a, b) =>
      a.localeCompare(b),
    );
    const key = managers.join('\u0000');
    if (key !== seenManagers) {
      seenManagers = key;
      picker.replaceChildren(h('option', { value: 'all' }, 'All account managers'), ...managers.map((name) => h('option', { value: name }, name)));
    }
    if (picker.value !== accountManager) {
      picker.value = accountManager;
    }
  }

  function render(now: number): void {
    if (ctx.connectionEpoch !== fetchedEpoch || fetchedFor !== accountManager) {
      if (!loading) {
        void load();
      }
    }
    renderPicker();
    const counts = ctx.alerts.counts(accountManager);
    for (const [candidate, button] of tabButtons) {
      setText(button, ctx.alertsAvailability === 'available' ? `${stateLabels[candidate]} (${counts[candidate]})` : stateLabels[candidate]);
      setAttr(button, 'aria-selected', candidate === state ? 'true' : 'false');
      button.tabIndex = candidate === state ? 0 : -1;
    }
    setAttr(list, 'aria-labelledby', `alerts-tab-${state}`);

    const arrival = ctx.latestArrival;
    if (arrival !== undefined && arrival.alertId !== seenArrival) {
      seenArrival = arrival.alertId;
      const alert = ctx.alerts.get(arrival.alertId);
      if (alert !== undefined && belongsTo(alert, accountManager) && now - arrival.at < noticeMs) {
        setText(notice, `New ${alert.severity} alert${accountManager === 'all' ? ` for ${alert.accountManager}` : ''}: ${alertHeadline(alert)}`);
        setAttr(notice, 'data-alert-id', alert.id);
        noticeUntil = arrival.at + noticeMs;
      }
    }
    setHidden(notice, now >= noticeUntil);

    const key = `${ctx.alerts.version}:${accountManager}:${state}:${ctx.alertsAvailability}:${error ?? ''}`;
    if (key === seenKey && now - seenAlerts < 1000) {
      return;
    }
    seenKey = key;
    seenAlerts = now;
    const items = ctx.alerts.list(accountManager, state);
    if (ctx.alertsAvailability === 'missing') {
      setText(status, 'Alerts are not available on this server yet: GET /api/v1/alerts answered 404 (not found). The inbox fills once the alerts service is deployed; nothing here means "no data", not "all clear".');
      setAttr(status, 'data-tone', 'warning');
    } else if (error !== undefined) {
      setText(status, `Could not load alerts: ${error}`);
      setAttr(status, 'data-tone', 'error');
    } else if (ctx.alertsAvailability === 'unknown') {
      setText(status, 'Loading…');
      setAttr(status, 'data-tone', undefined);
    } else {
      const who = accountManager === 'all' ? 'any account manager' : accountManager;
      setText(
        status,
        items.length === 0
          ? `No ${state} alerts for ${who}.`
          : `${items.length} ${state} alert${items.length === 1 ? '' : 's'} for ${who}${items.length > alertsShown ? `, the first ${alertsShown} shown` : ''}.`,
      );
      setAttr(status, 'data-tone', undefined);
    }
    reconcile(list, items.slice(0, alertsShown), (alert) => alert.id, createCard, (card, alert) => updateCard(card, alert, now));
  }

  follow();
  return {
    route(route: Route) {
      if (route.view !== 'alerts') {
        return;
      }
      if (route.accountManager !== accountManager) {
        accountManager = route.accountManager;
        follow();
      }
      state = route.state;
      seenKey = '';
    },
    render,
    destroy() {
      destroyed = true;
      unsubscribe?.();
      root.replaceChildren();
    },
  };
}
