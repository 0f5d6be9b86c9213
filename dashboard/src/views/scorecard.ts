/**
 * Scorecard: per touchpoint in journey order, the internal KPI beside what
 * customers experienced, with owner, alignment badge and the gap in numbers.
 * `celebrate` rows are shown as wins. Refetched as overview pushes arrive
 * (the scorecard is computed from the overview), at most every 2 s.
 */
import type { AppContext, View } from '../app';
import { isScorecard } from '../api/guards';
import type { Alignment, Scorecard, ScorecardRow } from '../api/types';
import { h, reconcile, setAttr, setText } from '../dom';
import { formatAvailability, formatCount, formatLatency, formatMoney, formatPercent, formatPoints, formatScore, none, plural } from '../format';
import { touchpointLabel } from '../store/overview';

const refreshMs = 2_000;

export const alignmentLabels: Readonly<Record<Alignment, { readonly text: string; readonly tone: string; readonly meaning: string }>> = {
  celebrate: { text: 'Win', tone: 'ok', meaning: 'KPI healthy and customers healthy' },
  'blind-spot': { text: 'Blind spot', tone: 'error', meaning: 'KPI healthy, customers are not: the gap uptime hides' },
  'known-issue': { text: 'Known issue', tone: 'warning', meaning: 'KPI poor and customers feel it' },
  'review-kpi': { text: 'Review KPI', tone: 'pending', meaning: 'KPI poor while customers are fine: it may measure the wrong thing' },
};

export function createScorecardView(root: HTMLElement, ctx: AppContext): View {
  const status = h('p', { class: 'muted', role: 'status', id: 'scorecard-status' }, 'Loading…');
  const summary = h('ul', { class: 'summary-badges', id: 'scorecard-summary' });
  const tbody = h('tbody', { id: 'scorecard-rows' });
  root.append(
    h('h2', {}, 'Scorecard: inside-out vs outside-in'),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'sc-heading' },
      h('h3', { id: 'sc-heading', class: 'visually-hidden' }, 'Touchpoints'),
      status,
      summary,
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'data scorecard' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Touchpoint'),
              h('th', { scope: 'col' }, 'Owner'),
              h('th', { scope: 'col', class: 'num' }, 'Availability / SLO'),
              h('th', { scope: 'col', class: 'num' }, 'p95'),
              h('th', { scope: 'col', class: 'num' }, 'Customers not disrupted'),
              h('th', { scope: 'col', class: 'num' }, 'Revenue-weighted'),
              h('th', { scope: 'col', class: 'num' }, 'Feedback'),
              h('th', { scope: 'col' }, 'Alignment'),
              h('th', { scope: 'col', class: 'num' }, 'Gap'),
            ),
          ),
          tbody,
        ),
      ),
      h(
        'dl',
        { class: 'legend-list' },
        ...Object.values(alignmentLabels).flatMap((label) => [h('dt', { 'data-tone': label.tone }, label.text), h('dd', {}, label.meaning)]),
      ),
    ),
  );

  let scorecard: Scorecard | undefined;
  let shown: Scorecard | undefined;
  let fetching = false;
  let fetchedAt = 0;
  let fetchedForOverview = -1;
  let destroyed = false;

  async function load(now: number): Promise<void> {
    fetching = true;
    fetchedAt = now;
    fetchedForOverview = ctx.overview.version;
    const result = await ctx.api.get('/api/v1/scorecard', isScorecard);
    fetching = false;
    if (destroyed) {
      return;
    }
    if (result.ok) {
      scorecard = result.data;
    } else {
      setText(status, `Could not load the scorecard: ${result.message}`);
    }
    ctx.requestRender();
  }

  function renderScorecard(data: Scorecard): void {
    const counts = new Map<Alignment, number>();
    for (const row of data.touchpoints) {
      counts.set(row.alignment, (counts.get(row.alignment) ?? 0) + 1);
    }
    setText(status, data.touchpoints.length === 0 ? 'No touchpoints defined yet.' : `${plural(data.touchpoints.length, 'touchpoint')} in journey order`);
    reconcile(
      summary,
      (Object.keys(alignmentLabels) as Alignment[]).filter((key) => (counts.get(key) ?? 0) > 0),
      (key) => key,
      (key) => h('li', { 'data-tone': alignmentLabels[key].tone, 'data-alignment': key }),
      (element, key) => {
        const count = counts.get(key) ?? 0;
        setText(element, key === 'celebrate' ? plural(count, 'win') : `${count} ${alignmentLabels[key].text.toLowerCase()}`);
      },
    );
    reconcile(tbody, data.touchpoints, (row) => row.touchpoint, createRow, updateRow);
  }

  return {
    route() {
      // one state only
    },
    render(now) {
      if (!fetching && (scorecard === undefined ? fetchedAt === 0 : ctx.overview.version !== fetchedForOverview && now - fetchedAt >= refreshMs)) {
        void load(now);
      } else if (!fetching && ctx.overview.version !== fetchedForOverview) {
        ctx.requestRender(); // come back when the interval has passed
      }
      if (scorecard !== undefined && scorecard !== shown) {
        shown = scorecard;
        renderScorecard(scorecard);
      }
    },
    destroy() {
      destroyed = true;
      root.replaceChildren();
    },
  };
}

function createRow(row: ScorecardRow): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-touchpoint': row.touchpoint },
    h('th', { scope: 'row' }, h('span'), h('br'), h('span', { class: 'muted' })),
    ...Array.from({ length: 8 }, (_, index) => h('td', { class: index === 0 || index === 6 ? undefined : 'num' })),
  );
}

function updateRow(element: HTMLTableRowElement, row: ScorecardRow): void {
  const cells = Array.from(element.children);
  const head = cells[0];
  if (head) {
    setText(head.children[0] as Element, touchpointLabel(row));
    setText(head.children[2] as Element, row.journeyStage ?? '');
  }
  const set = (index: number, text: string, tone?: string): void => {
    const cell = cells[index];
    if (cell) {
      setText(cell, text);
      setAttr(cell, 'data-tone', tone);
    }
  };
  const internal = row.internal;
  const external = row.external;
  set(1, row.owner ?? none);
  set(2, `${formatAvailability(internal.availability)} / ${formatPercent(internal.sloTarget, 2)}`, internal.healthy ? undefined : 'error');
  set(3, formatLatency(internal.p95LatencyMs));
  set(
    4,
    `${formatPercent(external.shareNotDisrupted, 2)} (${formatCount(external.disruptedCustomers)} of ${formatCount(external.activeCustomers)} disrupted)`,
    external.shareNotDisrupted < internal.sloTarget ? 'error' : undefined,
  );
  set(5, `${formatPercent(external.revenueWeightedShareNotDisrupted, 2)} (${formatMoney(external.revenueDisrupted)})`);
  set(6, external.responses > 0 ? `score ${formatScore(external.feedbackScore)} · NPS ${external.nps === null ? none : Math.round(external.nps)} · ${external.responses} resp.` : 'no feedback');
  const label = alignmentLabels[row.alignment];
  set(7, row.alignment === 'celebrate' ? '★ Win' : label.text, label.tone);
  set(8, `${formatPoints(row.gap.availabilityMinusShareNotDisrupted)} customers · ${formatPoints(row.gap.availabilityMinusRevenueShare)} revenue`);
  setAttr(element, 'data-alignment', row.alignment);
  const gapCell = cells[8];
  if (gapCell) {
    setAttr(gapCell, 'title', 'availability minus the share of customers (and of revenue) not disrupted, in percentage points');
  }
}
