/**
 * Live impact (home): per touchpoint in journey order the internal KPI beside
 * the customers disrupted and the revenue they carry, with trends; hidden
 * disruptions called out as sentences; fleet counters; the latest changes.
 */
import type { AppContext, View } from '../app';
import type { TouchpointRow } from '../api/types';
import { type Sparkline, createSparkline } from '../charts/sparkline';
import { h, reconcile, setAttr, setHidden, setText } from '../dom';
import {
  formatAvailability,
  formatClock,
  formatCount,
  formatLatency,
  formatMoney,
  formatPercent,
  formatSince,
  hiddenDisruptionSentence,
  plural,
} from '../format';
import { customerLabel } from '../store/customers';
import type { FeedItem } from '../store/feed';
import { touchpointLabel } from '../store/overview';

interface RowParts {
  readonly availability: HTMLElement;
  readonly slo: HTMLElement;
  readonly p95: HTMLElement;
  readonly disrupted: HTMLElement;
  readonly revenue: HTMLElement;
  readonly verdict: HTMLElement;
  readonly name: HTMLElement;
  readonly owner: HTMLElement;
  readonly availabilityTrend: Sparkline;
  readonly disruptedTrend: Sparkline;
}

export function createLiveImpactView(root: HTMLElement, ctx: AppContext): View {
  const counters = {
    active: h('dd', {}, '—'),
    disrupted: h('dd', {}, '—'),
    revenue: h('dd', {}, '—'),
    hidden: h('dd', {}, '—'),
    knewFirst: h('dd', {}, '—'),
    atRisk: h('dd', {}, '—'),
  };
  const counter = (label: string, value: HTMLElement, id: string): HTMLElement => h('div', { class: 'counter', 'data-counter': id }, h('dt', {}, label), value);
  const hiddenList = h('ul', { class: 'hidden-list', id: 'hidden-disruptions' });
  const hiddenNone = h('p', { class: 'muted' }, 'No hidden disruptions: where the KPI is healthy, customers are too.');
  const tbody = h('tbody', { id: 'touchpoint-rows' });
  const emptyTouchpoints = h('p', { class: 'muted' }, 'Waiting for the first overview…');
  const disruptedList = h('ol', { class: 'plain-list', id: 'disrupted-customers' });
  const disruptedNone = h('p', { class: 'muted' }, 'No customer is disrupted right now.');
  const feedList = h('ol', { class: 'plain-list feed', id: 'feed' });
  const feedNone = h('p', { class: 'muted' }, 'Changes appear here as they happen.');

  root.append(
    h('h2', { class: 'visually-hidden' }, 'Live impact'),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'fleet-heading' },
      h('h3', { id: 'fleet-heading' }, 'Fleet'),
      h(
        'dl',
        { class: 'counters' },
        counter('Active customers', counters.active, 'active'),
        counter('Disrupted customers', counters.disrupted, 'disrupted'),
        counter('Revenue disrupted', counters.revenue, 'revenue'),
        counter('Hidden disruptions', counters.hidden, 'hidden'),
        counter('Complaints we knew of first', counters.knewFirst, 'knew-first'),
        counter('At-Risk customers', counters.atRisk, 'at-risk'),
      ),
    ),
    h('section', { class: 'panel hidden-panel', 'aria-labelledby': 'hidden-heading' }, h('h3', { id: 'hidden-heading' }, 'What uptime hides'), hiddenList, hiddenNone),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'touchpoints-heading' },
      h('h3', { id: 'touchpoints-heading' }, 'Touchpoints in journey order'),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'data touchpoints' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Touchpoint'),
              h('th', { scope: 'col', class: 'num' }, 'Availability'),
              h('th', { scope: 'col', class: 'num' }, 'SLO'),
              h('th', { scope: 'col', class: 'num' }, 'p95'),
              h('th', { scope: 'col' }, 'Availability trend'),
              h('th', { scope: 'col', class: 'num' }, 'Customers disrupted'),
              h('th', { scope: 'col', class: 'num' }, 'Revenue disrupted'),
              h('th', { scope: 'col' }, 'Disrupted trend'),
              h('th', { scope: 'col' }, 'Verdict'),
            ),
          ),
          tbody,
        ),
      ),
      emptyTouchpoints,
    ),
    h(
      'div',
      { class: 'columns' },
      h('section', { class: 'panel', 'aria-labelledby': 'disrupted-heading' }, h('h3', { id: 'disrupted-heading' }, 'Disrupted customers, most revenue first'), disruptedList, disruptedNone),
      h('section', { class: 'panel', 'aria-labelledby': 'feed-heading' }, h('h3', { id: 'feed-heading' }, 'Latest changes'), feedList, feedNone),
    ),
  );

  const parts = new Map<string, RowParts>();
  let seenOverview = -1;
  let seenCustomers = -1;
  let seenFeed = -1;
  let lastClockRender = 0;

  function createRow(row: TouchpointRow): HTMLTableRowElement {
    const name = h('span', { class: 'tp-name' });
    const owner = h('span', { class: 'muted tp-owner' });
    const availabilityTrendCell = h('td', { class: 'spark' });
    const disruptedTrendCell = h('td', { class: 'spark' });
    const rowParts: RowParts = {
      name,
      owner,
      availability: h('td', { class: 'num' }),
      slo: h('td', { class: 'num' }),
      p95: h('td', { class: 'num' }),
      disrupted: h('td', { class: 'num' }),
      revenue: h('td', { class: 'num' }),
      verdict: h('td', {}),
      availabilityTrend: createSparkline(availabilityTrendCell, { color: '#0b57d0', max: 1 }),
      disruptedTrend: createSparkline(disruptedTrendCell, { color: '#b3261e', min: 0 }),
    };
    parts.set(row.touchpoint, rowParts);
    return h(
      'tr',
      { 'data-touchpoint': row.touchpoint },
      h('th', { scope: 'row' }, name, h('br'), owner),
      rowParts.availability,
      rowParts.slo,
      rowParts.p95,
      availabilityTrendCell,
      rowParts.disrupted,
      rowParts.revenue,
      disruptedTrendCell,
      rowParts.verdict,
    );
  }

  function updateRow(element: HTMLTableRowElement, row: TouchpointRow): void {
    const p = parts.get(row.touchpoint);
    if (p === undefined) {
      return;
    }
    setText(p.name, touchpointLabel(row));
    setText(p.owner, [row.owner, row.journeyStage].filter(Boolean).join(' · '));
    setText(p.availability, formatAvailability(row.internal.availability));
    setAttr(p.availability, 'data-tone', row.internal.availability >= row.internal.sloTarget ? undefined : 'error');
    setText(p.slo, formatPercent(row.internal.sloTarget, 2));
    setText(p.p95, formatLatency(row.internal.p95LatencyMs));
    setText(p.disrupted, `${formatCount(row.customers.disrupted)} of ${formatCount(row.customers.active)}`);
    setText(p.revenue, formatMoney(row.customers.revenueDisrupted));
    const verdict = row.hiddenDisruption
      ? { text: 'Hidden disruption', tone: 'error' }
      : !row.internal.healthy
        ? { text: 'KPI breached', tone: 'warning' }
        : { text: 'Healthy', tone: 'ok' };
    setText(p.verdict, verdict.text);
    setAttr(p.verdict, 'data-tone', verdict.tone);
    setAttr(element, 'data-hidden-disruption', row.hiddenDisruption ? 'true' : undefined);
    const trend = ctx.overview.trend(row.touchpoint);
    p.availabilityTrend.set(
      trend.map((point) => point.t / 1000),
      trend.map((point) => point.availability),
    );
    p.disruptedTrend.set(
      trend.map((point) => point.t / 1000),
      trend.map((point) => point.disrupted),
    );
  }

  function renderOverview(): void {
    const overview = ctx.overview.current;
    if (overview === undefined) {
      return;
    }
    setText(counters.active, formatCount(overview.customersActive));
    setText(counters.disrupted, formatCount(overview.customersDisrupted));
    setText(counters.revenue, formatMoney(overview.revenueDisrupted));
    setText(counters.hidden, formatCount(overview.hiddenDisruptions.length));
    const knew = overview.knewFirst;
    setText(counters.knewFirst, knew && knew.signals > 0 ? `${formatPercent(knew.rate ?? 0, 0)} of ${formatCount(knew.signals)}` : '—');
    const atRisk = overview.quadrants?.['at-risk'];
    setText(counters.atRisk, atRisk ? `${formatCount(atRisk.customers)} (${formatMoney(atRisk.revenue)})` : '0');

    const rows = overview.touchpoints;
    reconcile(tbody, rows, (row) => row.touchpoint, createRow, updateRow);
    for (const [touchpoint, p] of parts) {
      if (!rows.some((row) => row.touchpoint === touchpoint)) {
        p.availabilityTrend.destroy();
        p.disruptedTrend.destroy();
        parts.delete(touchpoint);
      }
    }
    setHidden(emptyTouchpoints, rows.length > 0);

    const byTouchpoint = new Map(rows.map((row) => [row.touchpoint, row]));
    reconcile(
      hiddenList,
      overview.hiddenDisruptions,
      (hidden) => hidden.touchpoint,
      () => h('li', { class: 'hidden-callout' }, h('strong'), h('span')),
      (element, hidden) => {
        const row = byTouchpoint.get(hidden.touchpoint);
        const [title, sentence] = [element.children[0], element.children[1]];
        if (title) {
          setText(title, `${row ? touchpointLabel(row) : hidden.touchpoint}${row?.owner ? ` (${row.owner})` : ''}: `);
        }
        if (sentence) {
          setText(sentence, hiddenDisruptionSentence(row?.internal.availability ?? 1, hidden.customersDisrupted, hidden.revenueDisrupted));
        }
        element.dataset['touchpoint'] = hidden.touchpoint;
      },
    );
    setHidden(hiddenNone, overview.hiddenDisruptions.length > 0);
  }

  function renderDisrupted(now: number): void {
    const top = ctx.customers.topDisrupted(10);
    reconcile(
      disruptedList,
      top,
      (customer) => customer.customerId,
      (customer) => h('li', { 'data-customer-id': customer.customerId }, h('a', { href: `#/customers/${encodeURIComponent(customer.customerId)}` }), h('span', { class: 'muted' })),
      (element, customer) => {
        const [link, detail] = [element.children[0], element.children[1]];
        if (link) {
          setText(link, customerLabel(customer));
        }
        if (detail) {
          const where = customer.disruptedTouchpoints?.join(', ') ?? '';
          setText(detail, ` ${formatMoney(customer.annualRevenue)} · ${where} · for ${formatSince(customer.disruptedSince, now)}`);
        }
      },
    );
    setHidden(disruptedNone, top.length > 0);
    const overflow = ctx.overview.current ? ctx.overview.current.customersDisrupted - top.length : 0;
    setAttr(disruptedList, 'aria-description', overflow > 0 ? `and ${plural(overflow, 'more customer')}` : undefined);
  }

  function renderFeed(): void {
    const items = ctx.feed.latest;
    reconcile(
      feedList,
      items,
      (item) => item.id,
      (item) => feedItem(item),
      () => undefined,
    );
    setHidden(feedNone, items.length > 0);
  }

  return {
    route() {
      // one state only
    },
    render(now) {
      if (ctx.overview.version !== seenOverview) {
        seenOverview = ctx.overview.version;
        renderOverview();
      }
      // "for N min" moves with the clock: redraw the short list each second even without pushes.
      if (ctx.customers.version !== seenCustomers || now - lastClockRender >= 1000) {
        seenCustomers = ctx.customers.version;
        lastClockRender = now;
        renderDisrupted(now);
      }
      if (ctx.feed.version !== seenFeed) {
        seenFeed = ctx.feed.version;
        renderFeed();
      }
    },
    destroy() {
      for (const p of parts.values()) {
        p.availabilityTrend.destroy();
        p.disruptedTrend.destroy();
      }
      root.replaceChildren();
    },
  };
}

function feedItem(item: FeedItem): HTMLLIElement {
  const text = item.customerId
    ? h('a', { href: `#/customers/${encodeURIComponent(item.customerId)}` }, item.text)
    : h('span', {}, item.text);
  return h(
    'li',
    { 'data-kind': item.kind, 'data-customer-id': item.customerId, 'data-touchpoint': item.touchpoint },
    h('time', { datetime: new Date(item.at).toISOString(), class: 'muted' }, formatClock(new Date(item.at).toISOString())),
    ' ',
    h('span', { class: 'feed-kind', 'data-tone': feedTone(item.kind) }, feedKindLabel(item.kind)),
    ' ',
    text,
  );
}

function feedTone(kind: FeedItem['kind']): string {
  switch (kind) {
    case 'disrupted':
    case 'hidden':
    case 'kpi-breach':
      return 'error';
    case 'quadrant':
    case 'alert':
      return 'warning';
    default:
      return 'ok';
  }
}

function feedKindLabel(kind: FeedItem['kind']): string {
  const labels: Readonly<Record<FeedItem['kind'], string>> = {
    disrupted: 'Disrupted',
    recovered: 'Recovered',
    quadrant: 'Quadrant',
    hidden: 'Hidden',
    'hidden-cleared': 'Cleared',
    'kpi-breach': 'KPI',
    'kpi-healthy': 'KPI',
    alert: 'Alert',
  };
  return labels[kind];
}
