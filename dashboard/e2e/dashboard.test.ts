/**
 * The dashboard in a real browser against a real CxLive (see server.ts and
 * browser.ts). Nothing sleeps: every wait is for a DOM or API condition, with
 * a timeout that says what was expected. Each test saves a screenshot to
 * artifacts/screenshots/; with UPDATE_DOCS=1 the README's copies in
 * docs/screenshots/ and the push-lag numbers in docs/benchmarks.md are
 * refreshed too.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { type RunningServer, adminKey, repositoryRoot, startCxLive } from './server';
import { lastMinute, send } from './telemetry';

const artifacts = join(repositoryRoot, 'artifacts', 'screenshots');
const docsScreenshots = join(repositoryRoot, 'docs', 'screenshots');
const updateDocs = process.env['UPDATE_DOCS'] === '1';
const lagSamples = Number(process.env['PUSH_LAG_SAMPLES'] ?? 50);

let server: RunningServer;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  [server, browser] = await Promise.all([startCxLive(), launchChromium()]);
});

afterAll(async () => {
  await Promise.allSettled(pages.map((page) => page.close()));
  await browser?.close();
  await server?.stop();
});

async function open(hash: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  pages.push(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.baseUrl}/${hash}`);
  await page.locator('#connection[data-tone="ok"]').waitFor({ timeout: 15_000 });
  expect(errors, 'no script errors on the page').toEqual([]);
  return page;
}

/** The README shows one screenshot per view: these. */
const forReadme = new Set(['live-impact-disrupted', 'customers', 'customer', 'scorecard', 'alerts', 'alerts-acknowledged-by-push']);

async function screenshot(page: Page, name: string): Promise<void> {
  const file = join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  if (updateDocs && forReadme.has(name)) {
    await mkdir(docsScreenshots, { recursive: true });
    await copyFile(file, join(docsScreenshots, `${name}.png`));
  }
}

async function getJson(path: string): Promise<unknown> {
  const response = await fetch(`${server.baseUrl}${path}`);
  expect(response.status, `GET ${path}`).toBe(200);
  return response.json();
}

/** Polls the api until `accept` takes an answer; fails with `what` after `timeoutMs`. */
async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) {
      return last;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${what} not seen within ${timeoutMs / 1000} s; last answer: ${JSON.stringify(last)?.slice(0, 500)}`);
}

/** A customer disrupted on checkout who then complains: an open alert at once (no grace to wait out). Its id. */
async function raiseOpenAlert(customerId: string, name: string, accountManager: string): Promise<string> {
  await send(server.baseUrl, 'PUT', `/api/v1/customers/${customerId}`, { name, annualRevenue: 3_000_000, accountManager });
  await send(server.baseUrl, 'POST', '/api/v1/telemetry', lastMinute(customerId, 'checkout', 60, 40));
  await until(
    () => getJson(`/api/v1/customers/${customerId}`) as Promise<{ disrupted?: boolean }>,
    (document) => document.disrupted === true,
    `${customerId} disrupted`,
  );
  await send(server.baseUrl, 'POST', '/api/v1/feedback', {
    id: `fb-${customerId}`,
    customerId,
    touchpoint: 'checkout',
    timestamp: new Date().toISOString(),
    kind: 'complaint',
    comment: 'Checkout keeps failing for our buyers',
    channel: 'support',
  });
  const { items } = await until(
    () => getJson(`/api/v1/alerts?customerId=${customerId}&state=open`) as Promise<{ items: { id: string }[] }>,
    (list) => list.items.length > 0,
    `an open alert for ${customerId}`,
  );
  return items[0]?.id ?? '';
}

interface OverviewRows {
  touchpoints: { touchpoint: string; name?: string | null }[];
}

function suffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

describe('dashboard in Chromium', () => {
  it('the home page renders every touchpoint in journey order', async () => {
    const overview = await until(
      () => getJson('/api/v1/overview') as Promise<OverviewRows>,
      (value) => value.touchpoints.length >= 6,
      'the demo touchpoints in the overview',
    );
    const page = await open('#/');

    const rows = page.locator('#touchpoint-rows tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(overview.touchpoints.length);
    expect(await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-touchpoint')))).toEqual(
      overview.touchpoints.map((row) => row.touchpoint),
    );
    await expect.poll(() => page.locator('[data-counter="active"] dd').textContent(), { timeout: 10_000 }).not.toBe('—');
    await expect.poll(() => page.locator('#touchpoint-rows svg, #touchpoint-rows canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(page, 'live-impact');
  });

  it('telemetry that disrupts a customer, posted through the api, shows that customer within 3 s without a reload', async () => {
    const page = await open('#/');
    const customerId = `e2e-disrupted-${suffix()}`;
    await send(server.baseUrl, 'PUT', `/api/v1/customers/${customerId}`, { name: 'Zeta Checkout Test Co', annualRevenue: 2_500_000, accountManager: 'dana' });
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    const postedAt = Date.now();
    await send(server.baseUrl, 'POST', '/api/v1/telemetry', lastMinute(customerId, 'checkout', 60, 40));
    const item = page.locator(`#feed li[data-customer-id="${customerId}"][data-kind="disrupted"]`);
    await item.waitFor({ timeout: Math.max(1, 3_000 - (Date.now() - postedAt)) });

    expect(Date.now() - postedAt).toBeLessThanOrEqual(3_000);
    expect(await item.textContent()).toContain('Zeta Checkout Test Co');
    await page.locator(`#disrupted-customers li[data-customer-id="${customerId}"]`).waitFor({ timeout: 3_000 });
    expect(navigations, 'no reload').toEqual([]);
    // The README's picture is about the hidden disruption: wait until the page shows one (the demo's incident) in
    // "What uptime hides" and the fleet counters count the disrupted customers.
    await expect.poll(() => page.locator('#hidden-disruptions li[data-touchpoint]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-counter="hidden"] dd').textContent(), { timeout: 10_000 }).toMatch(/^[1-9]/);
    await expect.poll(() => page.locator('[data-counter="disrupted"] dd').textContent(), { timeout: 10_000 }).toMatch(/^[1-9]/);
    await screenshot(page, 'live-impact-disrupted');
  });

  it('customers, a customer page, the scorecard and the alerts inbox render populated', async () => {
    // The revenue line is the median of known customers, computed a few seconds after start.
    await until(
      () => getJson('/api/v1/overview') as Promise<{ quadrantLines?: { revenueThreshold: number } | null }>,
      (value) => (value.quadrantLines?.revenueThreshold ?? 0) > 0,
      'the quadrant lines in the overview',
    );
    const page = await open('#/customers');
    await expect.poll(() => page.locator('#customer-rows tr').count(), { timeout: 10_000 }).toBe(50);
    await page.locator('.scatter canvas').first().waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('.scatter').getAttribute('data-points'), { timeout: 10_000 }).toMatch(/^[1-9]\d*$/);
    await expect.poll(() => page.locator('.scatter + .legend + p').textContent()).not.toContain('$0 a year');
    await expect.poll(() => page.locator('#page-label').textContent()).toMatch(/^Page 1 of \d+$/);
    // Sorting is client-side and keyed: a new column sorts descending first.
    await page.locator('button[data-sort="score"]').click();
    await expect.poll(() => page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await page.locator('button[data-sort="revenue"]').click();
    await screenshot(page, 'customers');

    const first = page.locator('#customer-rows tr').first();
    const customerId = await first.getAttribute('data-customer-id');
    await first.locator('a').first().click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/customers/${customerId}`);
    await expect.poll(() => page.locator('#customer-touchpoints tr').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#customer-score').textContent()).toMatch(/^\d+(\.\d)?$/);
    await screenshot(page, 'customer');

    await page.locator('nav.views-nav a[data-view="scorecard"]').click();
    const scorecard = (await getJson('/api/v1/scorecard')) as { touchpoints: unknown[] };
    await expect.poll(() => page.locator('#scorecard-rows tr').count(), { timeout: 10_000 }).toBe(scorecard.touchpoints.length);
    await expect.poll(() => page.locator('#scorecard-rows tr[data-alignment="celebrate"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'scorecard');

    const alertId = await raiseOpenAlert(`e2e-inbox-${suffix()}`, 'Sigma Inbox Test Co', `e2e-am-${suffix()}`);
    await page.locator('nav.views-nav a[data-view="alerts"]').click();
    await expect.poll(() => page.locator('#alerts-status').textContent(), { timeout: 10_000 }).not.toBe('Loading…');
    await page.locator(`li[data-alert-id="${alertId}"][data-state="open"]`).waitFor({ timeout: 10_000 });
    await screenshot(page, 'alerts');
  });

  it("a key bound to one account manager shows that manager's book and nothing else", async () => {
    const manager = `e2e-book-${suffix()}`;
    const mine = `e2e-mine-${suffix()}`;
    await send(server.baseUrl, 'PUT', `/api/v1/customers/${mine}`, { name: 'Book Test Co', annualRevenue: 250_000, accountManager: manager });
    await send(server.baseUrl, 'POST', '/api/v1/telemetry', lastMinute(mine, 'checkout', 60, 40));
    const created = (await send(server.baseUrl, 'POST', '/api/v1/keys', { name: 'e2e book', scopes: ['read'], accountManagers: [manager] }, adminKey)) as { key: string };
    const page = await open('#/customers');
    await expect.poll(() => page.locator('#customer-rows tr').count(), { timeout: 10_000 }).toBe(50);

    await page.locator('#access summary').click();
    await page.locator('#api-key').fill(created.key);
    await page.locator('#api-key-form button[type="submit"]').click();

    // The page starts again as the bound key: its book only, live, with the book named.
    await expect.poll(() => page.locator('#book').textContent(), { timeout: 15_000 }).toBe(`Book of ${manager}`);
    await page.locator('#connection[data-tone="ok"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('#customer-rows tr').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('#customer-rows tr').first().getAttribute('data-customer-id')).toBe(mine);
    await page.locator('nav.views-nav a[data-view="live"]').click();
    const rows = (await getJson('/api/v1/overview')) as OverviewRows;
    await expect.poll(() => page.locator('#touchpoint-rows tr').count(), { timeout: 10_000 }).toBe(rows.touchpoints.length);
    // The demo's 300 customers keep changing; none of them is in this book, so none reaches this page's feed.
    expect(await page.locator(`#feed li[data-customer-id]:not([data-customer-id="${mine}"])`).count()).toBe(0);
    await screenshot(page, 'book');
  });

  it('an alert acknowledged on one page changes state on a second page by push', async () => {
    const accountManager = `e2e-am-${suffix()}`;
    const alertId = await raiseOpenAlert(`e2e-alert-${suffix()}`, 'Omega Alert Test Co', accountManager);

    const [pageA, pageB] = await Promise.all([open(`#/alerts?am=${accountManager}`), open(`#/alerts?am=${accountManager}&state=acknowledged`)]);
    const cardA = pageA.locator(`li[data-alert-id="${alertId}"]`);
    await cardA.waitFor({ timeout: 10_000 });
    await cardA.locator('input.note').fill('Called them, partner is on it');
    await cardA.locator('button.ack').click();

    const cardB = pageB.locator(`li[data-alert-id="${alertId}"][data-state="acknowledged"]`);
    await cardB.waitFor({ timeout: 5_000 });
    await expect.poll(() => pageB.locator('#alerts-tab-open').textContent()).toMatch(/Open \(\d+\)/);
    await screenshot(pageB, 'alerts-acknowledged-by-push');
  });

  it(`push lag: telemetry posted -> row in the DOM, ${lagSamples} samples`, async () => {
    const page = await open('#/');
    await page.locator('#feed').waitFor({ state: 'attached' });
    const lags: number[] = [];
    for (let i = 0; i < lagSamples; i++) {
      const customerId = `e2e-lag-${suffix()}-${i}`;
      const events = lastMinute(customerId, i % 2 === 0 ? 'checkout' : 'login', 60, 40);
      // Timed inside the browser: from just before the POST to the frame that shows the customer's row.
      const lag = await page.evaluate(
        async ({ id, body }) => {
          const feed = document.getElementById('feed');
          if (feed === null) {
            throw new Error('no #feed');
          }
          const selector = `li[data-customer-id="${id}"]`;
          const shown = new Promise<number>((done, fail) => {
            const observer = new MutationObserver(() => {
              if (feed.querySelector(selector) !== null) {
                observer.disconnect();
                done(performance.now());
              }
            });
            observer.observe(feed, { childList: true, subtree: true });
            setTimeout(() => {
              observer.disconnect();
              fail(new Error(`${id} not shown within 5 s`));
            }, 5_000);
          });
          const start = performance.now();
          const response = await fetch('/api/v1/telemetry', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
          if (response.status !== 202) {
            throw new Error(`telemetry answered ${response.status}`);
          }
          return (await shown) - start;
        },
        { id: customerId, body: JSON.stringify(events) },
      );
      lags.push(lag);
    }
    const sorted = [...lags].sort((a, b) => a - b);
    const percentile = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
    const result = { samples: sorted.length, p50: Math.round(percentile(50)), p99: Math.round(percentile(99)), max: Math.round(sorted[sorted.length - 1] ?? 0) };
    console.log(`push lag over ${result.samples} samples: p50 ${result.p50} ms, p99 ${result.p99} ms, max ${result.max} ms`);
    await writeFile(join(repositoryRoot, 'artifacts', 'push-lag.json'), JSON.stringify({ ...result, lagsMs: lags.map(Math.round) }, null, 2));
    if (updateDocs) {
      await recordInBenchmarks(result);
    }
    await screenshot(page, 'live-impact-after-lag-run');
    // The target is 500 ms at p99; the assertion leaves room for a loaded CI machine but catches a broken push path.
    expect(result.p99).toBeLessThanOrEqual(1_500);
  });
});

async function recordInBenchmarks(result: { samples: number; p50: number; p99: number; max: number }): Promise<void> {
  const file = join(repositoryRoot, 'docs', 'benchmarks.md');
  const begin = '<!-- push-lag:begin -->';
  const end = '<!-- push-lag:end -->';
  const section = [
    begin,
    '## Dashboard push lag (browser)',
    '',
    'Measured by `dashboard/e2e/dashboard.test.ts` (`UPDATE_DOCS=1 npm run e2e`): in headless Chromium on the Live impact page, from',
    'just before `fetch` POSTs 60 events (40 failed) for a new customer to `/api/v1/telemetry`, to the animation frame whose',
    'DOM shows that customer\'s "disrupted" row (MutationObserver), timed with `performance.now()` in the page. Path: ingest flush',
    '(200 ms) -> customer grain verdict -> live feed (50 ms batches) -> SignalR `customerChanged` -> store -> rAF render.',
    'The api runs the demo (300 customers, 1,000 events/s) at the same time; machine: 2 vCPU AMD EPYC, 24 GiB; 2026-11-26.',
    '',
    '| samples | p50 | p99 | max | target p99 |',
    '|---|---|---|---|---|',
    `| ${result.samples} | ${result.p50} ms | ${result.p99} ms | ${result.max} ms | <= 500 ms |`,
    end,
  ].join('\n');
  let text = await readFile(file, 'utf8');
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? `${text.slice(0, from)}${section}${text.slice(to + end.length)}` : `${text.trimEnd()}\n\n${section}\n`;
  await writeFile(file, text);
}
