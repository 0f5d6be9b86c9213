/**
 * Customers: the experience x revenue scatter with its quadrant regions
 * (points move as customerChanged arrives) and a sortable, filterable table,
 * paged so the DOM holds one page however many customers there are.
 */
import type { AppContext, View } from '../app';
import { type CustomerSummary, quadrants } from '../api/types';
import { quadrantStyle } from '../charts/quadrantStyle';
import type { ScatterChartView } from '../charts/scatter';
import { h, reconcile, setAttr, setText } from '../dom';
import { formatCount, formatMoney, formatScore, formatSince } from '../format';
import type { CustomerQuery, CustomerSortKey, Route } from '../router';
import { customerLabel } from '../store/customers';

export const customersPageSize = 50;
/** The scatter redraws at most this often; the table follows every frame with changes. */
const scatterIntervalMs = 500;

const columns: readonly { readonly key: CustomerSortKey | undefined; readonly label: string; readonly numeric: boolean }[] = [
  { key: 'name', label: 'Customer', numeric: false },
  { key: undefined, label: 'Account manager', numeric: false },
  { key: 'revenue', label: 'Annual revenue', numeric: true },
  { key: 'score', label: 'Score', numeric: true },
  { key: 'quadrant', label: 'Quadrant', numeric: false },
  { key: 'disruptedSince', label: 'Disrupted', numeric: false },
];

export function createCustomersView(root: HTMLElement, ctx: AppContext, initial: CustomerQuery): View {
  let query = initial;
  const search = h('input', { id: 'customer-search', type: 'search', autocomplete: 'off', placeholder: 'name, id or account manager' });
  const quadrantSelect = h(
    'select',
    { id: 'customer-quadrant' },
    h('option', { value: 'all' }, 'All quadrants'),
    ...quadrants.map((quadrant) => h('option', { value: quadrant }, quadrantStyle[quadrant].label)),
  );
  const disruptedBox = h('input', { id: 'customer-disrupted', type: 'checkbox' });
  const summary = h('p', { class: 'muted', id: 'customer-count', role: 'status' });
  const chartBox = h('div', { class: 'scatter', role: 'img', 'aria-label': 'Customers by experience score (x) and annual revenue (y, log scale), coloured and shaped by quadrant' });
  const legend = h(
    'ul',
    { class: 'legend' },
    ...(['model', 'growth', 'at-risk', 'dangling', 'none'] as const).map((key) =>
      h('li', {}, h('span', { class: `swatch swatch-${key}`, 'aria-hidden': 'true' }), quadrantStyle[key].label),
    ),
  );
  const linesNote = h('p', { class: 'muted' });
  const headerRow = h('tr');
  const sortButtons = new Map<CustomerSortKey, HTMLButtonElement>();
  const headerCells: HTMLTableCellElement[] = [];
  for (const column of columns) {
    const th = h('th', { scope: 'col', class: column.numeric ? 'num' : undefined });
    if (column.key !== undefined) {
      const key = column.key;
      const button = h('button', { type: 'button', class: 'sort', 'data-sort': key }, column.label);
      button.addEventListener('click', () => {
        const descending = query.sort === key ? !query.descending : key !== 'name';
        change({ sort: key, descending, page: 0 });
      });
      sortButtons.set(key, button);
      th.append(button);
    } else {
      th.textContent = column.label;
    }
    headerCells.push(th);
    headerRow.append(th);
  }
  const tbody = h('tbody', { id: 'customer-rows' });
  const previous = h('button', { type: 'button', id: 'page-previous' }, 'Previous page');
  const next = h('button', { type: 'button', id: 'page-next' }, 'Next page');
  const pageLabel = h('span', { id: 'page-label', 'aria-live': 'polite' });

  root.append(
    h('h2', {}, 'Customers'),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'scatter-heading' },
      h('h3', { id: 'scatter-heading' }, 'Experience x revenue'),
      chartBox,
      legend,
      linesNote,
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'table-heading' },
      h('h3', { id: 'table-heading' }, 'All customers'),
      h(
        'form',
        { class: 'filters', role: 'search', 'aria-label': 'Filter customers' },
        h('label', { for: 'customer-search' }, 'Search'),
        search,
        h('label', { for: 'customer-quadrant' }, 'Quadrant'),
        quadrantSelect,
        h('label', { class: 'check' }, disruptedBox, ' Disrupted only'),
      ),
      summary,
      h('div', { class: 'table-wrap' }, h('table', { class: 'data customers' }, h('thead', {}, headerRow), tbody)),
      h('nav', { class: 'pager', 'aria-label': 'Customer pages' }, previous, pageLabel, next),
    ),
  );

  // ECharts is the bulk of the bundle: loaded when this view first opens, not with the home page.
  let scatter: ScatterChartView | undefined;
  let destroyed = false;
  void import('../charts/scatter').then(({ createScatter }) => {
    if (!destroyed) {
      scatter = createScatter(chartBox, (customerId) => ctx.navigate({ view: 'customer', customerId }));
      ctx.requestRender();
    }
  });
  const onResize = (): void => scatter?.resize();
  window.addEventListener('resize', onResize);

  search.addEventListener('input', () => change({ search: search.value, page: 0 }));
  quadrantSelect.addEventListener('change', () => {
    const value = quadrantSelect.value;
    change({ quadrant: quadrants.find((quadrant) => quadrant === value) ?? 'all', page: 0 });
  });
  disruptedBox.addEventListener('change', () => change({ disruptedOnly: disruptedBox.checked, page: 0 }));
  previous.addEventListener('click', () => change({ page: Math.max(0, query.page - 1) }));
  next.addEventListener('click', () => change({ page: query.page + 1 }));
  root.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());

  let seenVersion = -1;
  let seenQuery: CustomerQuery | undefined;
  let scatterVersion = -1;
  let scatterAt = 0;
  let seenLines = '';
  let lastClock = 0;

  function change(changes: Partial<CustomerQuery>): void {
    query = { ...query, ...changes };
    ctx.navigate({ view: 'customers', query }, { replace: true });
  }

  function syncControls(): void {
    if (document.activeElement !== search && search.value !== query.search) {
      search.value = query.search;
    }
    quadrantSelect.value = query.quadrant;
    disruptedBox.checked = query.disruptedOnly;
    columns.forEach((column, index) => {
      const th = headerCells[index];
      if (th === undefined || column.key === undefined) {
        return;
      }
      setAttr(th, 'aria-sort', query.sort === column.key ? (query.descending ? 'descending' : 'ascending') : undefined);
      const button = sortButtons.get(column.key);
      if (button) {
        setText(button, `${column.label}${query.sort === column.key ? (query.descending ? ' ▼' : ' ▲') : ''}`);
      }
    });
  }

  function renderTable(now: number): void {
    const page = ctx.customers.query(query, customersPageSize);
    reconcile(tbody, page.rows, (customer) => customer.customerId, createRow, (element, customer) => updateRow(element, customer, now));
    const loaded = ctx.customers.loaded;
    setText(
      summary,
      loaded ? `${formatCount(page.total)} of ${formatCount(ctx.customers.size)} customers match` : 'Loading customers…',
    );
    setText(pageLabel, `Page ${page.page + 1} of ${page.pages}`);
    previous.disabled = page.page === 0;
    next.disabled = page.page >= page.pages - 1;
  }

  function createRow(customer: CustomerSummary): HTMLTableRowElement {
    const link = h('a', { href: `#/customers/${encodeURIComponent(customer.customerId)}` });
    return h(
      'tr',
      { 'data-customer-id': customer.customerId },
      h('th', { scope: 'row' }, link, h('br'), h('span', { class: 'muted' }, customer.customerId)),
      h('td'),
      h('td', { class: 'num' }),
      h('td', { class: 'num' }),
      h('td'),
      h('td'),
    );
  }

  function updateRow(element: HTMLTableRowElement, customer: CustomerSummary, now: number): void {
    const cells = element.children;
    const link = cells[0]?.firstElementChild;
    if (link) {
      setText(link, customerLabel(customer));
    }
    setText(cells[1] as Element, customer.accountManager ?? '—');
    setText(cells[2] as Element, formatMoney(customer.annualRevenue));
    setText(cells[3] as Element, formatScore(customer.experienceScore));
    const quadrantCell = cells[4] as Element;
    setText(quadrantCell, customer.quadrant ? quadrantStyle[customer.quadrant].label : '—');
    setAttr(quadrantCell, 'data-quadrant', customer.quadrant ?? undefined);
    const disruptedCell = cells[5] as Element;
    setText(
      disruptedCell,
      customer.disrupted ? `${customer.disruptedTouchpoints?.join(', ') ?? 'yes'} · ${formatSince(customer.disruptedSince, now)}` : customer.degraded ? 'degraded' : 'no',
    );
    setAttr(disruptedCell, 'data-tone', customer.disrupted ? 'error' : customer.degraded ? 'warning' : undefined);
    setAttr(element, 'data-disrupted', customer.disrupted ? 'true' : undefined);
  }

  function renderScatter(now: number): void {
    if (scatter === undefined) {
      return;
    }
    const lines = ctx.overview.current?.quadrantLines;
    const linesKey = lines ? `${lines.goodScore}:${lines.revenueThreshold}` : '';
    if ((ctx.customers.version === scatterVersion && linesKey === seenLines) || now - scatterAt < scatterIntervalMs) {
      return;
    }
    scatterVersion = ctx.customers.version;
    seenLines = linesKey;
    scatterAt = now;
    scatter.update(ctx.customers.all(), lines);
    setText(
      linesNote,
      lines
        ? `Regions as the server judges them: a good experience scores ${formatScore(lines.goodScore)} or more; good revenue is ${formatMoney(lines.revenueThreshold)} a year or more. Growth also takes good-experience customers whose potential revenue is well above their current revenue.`
        : 'The server does not say where the quadrant lines are, so points are coloured by the quadrant it assigned and no regions are drawn.',
    );
  }

  return {
    route(route: Route) {
      if (route.view === 'customers') {
        query = route.query;
      }
    },
    render(now) {
      const queryChanged = seenQuery !== query;
      if (queryChanged) {
        seenQuery = query;
        syncControls();
      }
      if (queryChanged || ctx.customers.version !== seenVersion || now - lastClock >= 1000) {
        seenVersion = ctx.customers.version;
        lastClock = now;
        renderTable(now);
      }
      renderScatter(now);
      if (ctx.customers.version !== scatterVersion) {
        // A change arrived inside the scatter's interval: come back for it.
        ctx.requestRender();
      }
    },
    destroy() {
      destroyed = true;
      window.removeEventListener('resize', onResize);
      scatter?.destroy();
      root.replaceChildren();
    },
  };
}
