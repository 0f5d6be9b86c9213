/**
 * One customer: the score and what explains it, per-touchpoint rows (SLI,
 * baseline, verdict, since when), feedback with verbatims and the evidence
 * stored with each, open alerts, and the timeline. Fetched once, then kept
 * live by customerChanged for this customer.
 */
import type { AppContext, View } from '../app';
import type { CustomerDocument, CustomerTouchpoint, FeedbackItem } from '../api/types';
import { isCustomerDocument } from '../api/guards';
import { type Sparkline, createSparkline } from '../charts/sparkline';
import { quadrantStyle } from '../charts/quadrantStyle';
import { h, reconcile, setAttr, setHidden, setText } from '../dom';
import {
  formatDateTime,
  formatDuration,
  formatLatency,
  formatMoney,
  formatPercent,
  formatScore,
  formatSignedPoints,
  formatSince,
  none,
  parseTime,
} from '../format';
import type { Route } from '../router';
import { alertHeadline } from '../store/alerts';

export function createCustomerView(root: HTMLElement, ctx: AppContext, customerId: string): View {
  const title = h('h2', { id: 'customer-title' }, customerId);
  const status = h('p', { class: 'muted', role: 'status', id: 'customer-status' }, 'Loading…');
  const profile = h('dl', { class: 'facts', id: 'customer-profile' });
  const score = h('p', { class: 'big-score', id: 'customer-score' });
  const quadrant = h('p', { class: 'quadrant-badge', id: 'customer-quadrant' });
  const parts = h('p', { class: 'muted' });
  const explanation = h('ul', { class: 'plain-list', id: 'score-explanation' });
  const historyBox = h('div', { class: 'spark-wide', 'aria-hidden': 'true' });
  const touchpointRows = h('tbody', { id: 'customer-touchpoints' });
  const feedbackSummary = h('p', { class: 'muted' });
  const feedbackList = h('ol', { class: 'plain-list feedback', id: 'customer-feedback' });
  const alertsList = h('ul', { class: 'plain-list', id: 'customer-alerts' });
  const alertsNone = h('p', { class: 'muted' }, 'No open alerts.');
  const timeline = h('ol', { class: 'plain-list timeline', id: 'customer-timeline' });
  const body = h(
    'div',
    { class: 'customer', hidden: '' },
    h(
      'div',
      { class: 'columns' },
      h('section', { class: 'panel', 'aria-labelledby': 'profile-heading' }, h('h3', { id: 'profile-heading' }, 'Profile'), profile),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'score-heading' },
        h('h3', { id: 'score-heading' }, 'Experience score'),
        h('div', { class: 'score-row' }, score, quadrant),
        parts,
        historyBox,
        h('h4', {}, 'Why'),
        explanation,
      ),
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'ctp-heading' },
      h('h3', { id: 'ctp-heading' }, 'What this customer saw, per touchpoint'),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'data' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Touchpoint'),
              h('th', { scope: 'col' }, 'Verdict'),
              h('th', { scope: 'col' }, 'Since'),
              h('th', { scope: 'col', class: 'num' }, 'SLI (10 min)'),
              h('th', { scope: 'col', class: 'num' }, 'Bad now (60 s)'),
              h('th', { scope: 'col', class: 'num' }, 'Baseline bad'),
              h('th', { scope: 'col', class: 'num' }, 'Median latency'),
              h('th', { scope: 'col', class: 'num' }, 'Baseline latency'),
              h('th', { scope: 'col', class: 'num' }, 'Events'),
            ),
          ),
          touchpointRows,
        ),
      ),
    ),
    h(
      'div',
      { class: 'columns' },
      h('section', { class: 'panel', 'aria-labelledby': 'feedback-heading' }, h('h3', { id: 'feedback-heading' }, 'What they said'), feedbackSummary, feedbackList),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'alerts-heading' },
        h('h3', { id: 'alerts-heading' }, 'Open alerts'),
        alertsList,
        alertsNone,
        h('h3', { id: 'timeline-heading' }, 'Timeline'),
        timeline,
      ),
    ),
  );
  root.append(h('p', {}, h('a', { href: '#/customers' }, '← All customers')), title, status, body);

  let document: CustomerDocument | undefined;
  let shownAsOf: string | undefined;
  let shownDocument: CustomerDocument | undefined;
  let lastClock = 0;
  let history: Sparkline | undefined;
  let destroyed = false;
  let fetchedEpoch = -1;

  async function load(): Promise<void> {
    fetchedEpoch = ctx.connectionEpoch;
    const result = await ctx.api.get(`/api/v1/customers/${encodeURIComponent(customerId)}`, isCustomerDocument);
    if (destroyed) {
      return;
    }
    if (result.ok) {
      take(result.data);
    } else if (document === undefined) {
      setText(status, result.status === 404 ? `No customer "${customerId}" has been seen yet.` : `Could not load the customer: ${result.message}`);
    }
    ctx.requestRender();
  }

  function take(candidate: CustomerDocument): void {
    if (document?.asOf !== undefined && candidate.asOf !== undefined && Date.parse(candidate.asOf) < Date.parse(document.asOf)) {
      return;
    }
    document = candidate;
  }

  function renderDocument(doc: CustomerDocument, now: number): void {
    const p = doc.profile ?? {};
    setText(title, p.name ? `${p.name}` : doc.customerId);
    setText(status, `Customer ${doc.customerId}${doc.disrupted ? ' · disrupted now' : ''}`);
    setAttr(status, 'data-tone', doc.disrupted ? 'error' : undefined);
    setHidden(body, false);
    const facts: readonly [string, string][] = [
      ['Account manager', p.accountManager ?? none],
      ['Annual revenue', formatMoney(p.annualRevenue)],
      ['Potential revenue', formatMoney(p.potentialRevenue)],
      ['Segment', p.segment ?? none],
      ['Plan', p.plan ?? none],
      ['Region', p.region ?? none],
      ['Vertical', p.vertical ?? none],
      ['Tags', p.tags?.join(', ') || none],
    ];
    reconcile(
      profile,
      facts,
      ([label]) => label,
      ([label]) => h('div', {}, h('dt', {}, label), h('dd')),
      (element, [, value]) => setText(element.lastElementChild as Element, value),
    );

    setText(score, formatScore(doc.experienceScore));
    setText(quadrant, doc.quadrant ? quadrantStyle[doc.quadrant].label : 'Not judged yet');
    setAttr(quadrant, 'data-quadrant', doc.quadrant ?? undefined);
    setText(
      parts,
      `operational ${formatScore(doc.operationalScore)} · perception ${formatScore(doc.perceptionScore)} (score = 0.6 x operational + 0.4 x perception when both exist)`,
    );
    const points = doc.explanation ?? [];
    reconcile(
      explanation,
      points.length > 0 ? points : [{ label: 'Nothing pulls the score down.', touchpoint: null, points: 0 }],
      (item) => `${item.label}:${item.touchpoint ?? ''}`,
      () => h('li', {}, h('span', { class: 'points' }), ' ', h('span')),
      (element, item) => {
        const [pts, label] = [element.children[0], element.children[1]];
        if (pts) {
          setText(pts, item.points === 0 ? '' : formatSignedPoints(item.points));
          setAttr(pts, 'data-tone', item.points < 0 ? 'error' : 'ok');
        }
        if (label) {
          setText(label, item.label);
        }
      },
    );
    const scores = doc.scoreHistory ?? [];
    if (scores.length > 1) {
      history ??= createSparkline(historyBox, { color: '#0b57d0', width: 260, height: 40, min: 0, max: 100 });
      history.set(
        scores.map((entry) => (parseTime(entry.at) ?? 0) / 1000),
        scores.map((entry) => entry.score),
      );
    }

    reconcile(touchpointRows, [...doc.touchpoints].sort(byVerdict), (row) => row.touchpoint, createTouchpointRow, (element, row) =>
      updateTouchpointRow(element, row, now),
    );

    const feedback = doc.feedback;
    setText(
      feedbackSummary,
      feedback && (feedback.responses ?? 0) > 0
        ? `NPS ${feedback.nps === null || feedback.nps === undefined ? none : Math.round(feedback.nps)} · CSAT ${formatPercent(feedback.csat, 0)} · ${feedback.responses} responses (recency-weighted)`
        : 'No feedback yet.',
    );
    reconcile(
      feedbackList,
      doc.recentFeedback ?? [],
      (item) => item.id ?? `${item.timestamp}:${item.kind}`,
      (item) => feedbackEntry(item),
      () => undefined,
    );

    const alerts = doc.openAlerts ?? [];
    reconcile(
      alertsList,
      alerts,
      (alert) => alert.id,
      (alert) => h('li', { 'data-alert-id': alert.id }, h('span', { class: 'badge', 'data-severity': alert.severity }, alert.severity), ' ', alertHeadline(alert)),
      () => undefined,
    );
    setHidden(alertsNone, alerts.length > 0);

    reconcile(
      timeline,
      [...(doc.timeline ?? [])].sort((a, b) => (parseTime(b.at) ?? 0) - (parseTime(a.at) ?? 0)).slice(0, 50),
      (entry) => `${entry.at}:${entry.kind}:${entry.touchpoint ?? ''}`,
      (entry) =>
        h(
          'li',
          { 'data-kind': entry.kind },
          h('time', { datetime: entry.at, class: 'muted' }, formatDateTime(entry.at)),
          ' ',
          h('strong', {}, entry.kind),
          entry.touchpoint ? ` on ${entry.touchpoint}` : '',
          entry.detail ? h('span', { class: 'muted' }, ` - ${entry.detail}`) : null,
        ),
      () => undefined,
    );
  }

  void load();

  return {
    route(route: Route) {
      // A different customer mounts a new view; nothing to do for the same one.
      void route;
    },
    render(now) {
      if (ctx.connectionEpoch !== fetchedEpoch) {
        void load();
      }
      const pushed = ctx.customers.document(customerId);
      if (pushed !== undefined) {
        take(pushed);
      }
      if (document === undefined) {
        return;
      }
      if (document !== shownDocument || document.asOf !== shownAsOf || now - lastClock >= 1000) {
        shownDocument = document;
        shownAsOf = document.asOf;
        lastClock = now;
        renderDocument(document, now);
      }
    },
    destroy() {
      destroyed = true;
      history?.destroy();
      root.replaceChildren();
    },
  };
}

function byVerdict(a: CustomerTouchpoint, b: CustomerTouchpoint): number {
  const rank = (row: CustomerTouchpoint): number => (row.disrupted ? 0 : row.degraded ? 1 : 2);
  return rank(a) - rank(b) || a.touchpoint.localeCompare(b.touchpoint);
}

function createTouchpointRow(row: CustomerTouchpoint): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-touchpoint': row.touchpoint },
    h('th', { scope: 'row' }, row.touchpoint),
    ...Array.from({ length: 8 }, (_, index) => h('td', { class: index >= 2 ? 'num' : undefined })),
  );
}

function updateTouchpointRow(element: HTMLTableRowElement, row: CustomerTouchpoint, now: number): void {
  const cells = Array.from(element.children);
  const verdict = row.disrupted ? { text: 'Disrupted', tone: 'error' } : row.degraded ? { text: 'Degraded', tone: 'warning' } : { text: 'OK', tone: 'ok' };
  const set = (index: number, text: string): void => {
    const cell = cells[index];
    if (cell) {
      setText(cell, text);
    }
  };
  set(1, verdict.text);
  if (cells[1]) {
    setAttr(cells[1], 'data-tone', verdict.tone);
  }
  set(2, row.disrupted && row.disruptedSince ? `${formatDateTime(row.disruptedSince)} (${formatSince(row.disruptedSince, now)})` : none);
  set(3, formatPercent(row.sli, 2));
  set(4, row.shortWindowBadRatio === undefined ? none : formatPercent(row.shortWindowBadRatio, 1));
  set(5, formatPercent(row.baselineBadRatio, 2));
  set(6, formatLatency(row.medianLatencyMs));
  set(7, formatLatency(row.baselineMedianLatencyMs));
  set(8, String(row.events));
  setAttr(element, 'data-disrupted', row.disrupted ? 'true' : undefined);
}

function feedbackEntry(item: FeedbackItem): HTMLLIElement {
  const scoreText = item.score === null || item.score === undefined ? '' : ` ${item.score}`;
  const knew =
    item.knownFirst === true
      ? h('span', { 'data-tone': 'ok' }, ` · we knew first${item.leadSeconds ? ` (${formatDuration(item.leadSeconds * 1000)} before)` : ''}`)
      : item.knownFirst === false
        ? h('span', { 'data-tone': 'warning' }, ' · not flagged before it arrived')
        : null;
  const evidence = (item.evidence ?? []).filter((row) => row.disrupted || row.degraded);
  return h(
    'li',
    { 'data-kind': item.kind },
    h('strong', {}, `${item.kind}${scoreText}`),
    item.touchpoint ? ` about ${item.touchpoint}` : '',
    h('span', { class: 'muted' }, ` · ${item.channel ?? 'unknown channel'} · ${formatDateTime(item.timestamp)}`),
    knew,
    item.comment ? h('blockquote', {}, item.comment) : null,
    h(
      'p',
      { class: 'muted evidence' },
      evidence.length > 0
        ? `Evidence at arrival: ${evidence.map((row) => `${row.touchpoint} ${row.disrupted ? 'disrupted' : 'degraded'}`).join(', ')}`
        : 'Evidence at arrival: no touchpoint disrupted or degraded.',
    ),
  );
}
