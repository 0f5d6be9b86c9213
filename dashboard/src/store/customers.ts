/**
 * Every customer the page knows, kept live: loaded once from
 * GET /api/v1/customers, then each customerChanged replaces one entry. Views
 * query it (filter, sort, page) in their animation frame; `changed` tells
 * keyed renderers which rows to touch.
 */
import type { CustomerDocument, CustomerSummary } from '../api/types';
import { formatMoney } from '../format';
import type { CustomerQuery, CustomerSortKey } from '../router';
import type { FeedDraft } from './feed';

export interface CustomerPage {
  readonly rows: readonly CustomerSummary[];
  /** Customers matching the filter, over all pages. */
  readonly total: number;
  /** The page shown, clamped to the pages there are. */
  readonly page: number;
  readonly pages: number;
}

export class CustomerStore {
  private readonly byId = new Map<string, CustomerSummary>();
  private readonly documents = new Map<string, CustomerDocument>();
  private readonly pushedAt = new Map<string, number>();
  /** Bumped on every change; views compare it to skip work. */
  version = 0;
  loaded = false;

  /**
   * Replaces everything with a list fetched from `requestedAt` on; a customer
   * pushed after the request went out keeps its pushed state (it is newer).
   */
  load(items: readonly CustomerSummary[], requestedAt = Number.NEGATIVE_INFINITY): void {
    const kept = new Map<string, CustomerSummary>();
    for (const [id, pushedAt] of this.pushedAt) {
      const summary = this.byId.get(id);
      if (pushedAt >= requestedAt && summary !== undefined) {
        kept.set(id, summary);
      }
    }
    this.byId.clear();
    for (const item of items) {
      this.byId.set(item.customerId, kept.get(item.customerId) ?? item);
    }
    for (const [id, summary] of kept) {
      this.byId.set(id, summary);
    }
    this.loaded = true;
    this.version++;
  }

  /** Takes a customerChanged (or fetched) document; returns the changes worth a feed line. */
  applyDocument(document: CustomerDocument, now: number): FeedDraft[] {
    const kept = this.documents.get(document.customerId);
    if (kept !== undefined && isOlder(document, kept)) {
      return [];
    }
    const before = this.byId.get(document.customerId);
    const after = summaryOf(document, before);
    this.byId.set(document.customerId, after);
    this.documents.set(document.customerId, document);
    this.pushedAt.set(document.customerId, now);
    this.version++;
    return customerChanges(before, after, document, now);
  }

  get size(): number {
    return this.byId.size;
  }

  get(customerId: string): CustomerSummary | undefined {
    return this.byId.get(customerId);
  }

  /** The latest full document pushed for a customer, if any came. */
  document(customerId: string): CustomerDocument | undefined {
    return this.documents.get(customerId);
  }

  all(): IterableIterator<CustomerSummary> {
    return this.byId.values();
  }

  query(query: CustomerQuery, pageSize: number): CustomerPage {
    const search = query.search.trim().toLowerCase();
    const matches: CustomerSummary[] = [];
    for (const customer of this.byId.values()) {
      if (query.quadrant !== 'all' && customer.quadrant !== query.quadrant) {
        continue;
      }
      if (query.disruptedOnly && !customer.disrupted) {
        continue;
      }
      if (search !== '' && !matchesSearch(customer, search)) {
        continue;
      }
      matches.push(customer);
    }
    matches.sort(comparer(query.sort, query.descending));
    const pages = Math.max(1, Math.ceil(matches.length / pageSize));
    const page = Math.min(Math.max(0, query.page), pages - 1);
    return { rows: matches.slice(page * pageSize, (page + 1) * pageSize), total: matches.length, page, pages };
  }

  /** The disrupted customers carrying the most revenue. */
  topDisrupted(count: number): CustomerSummary[] {
    const disrupted = [...this.byId.values()].filter((customer) => customer.disrupted);
    disrupted.sort(comparer('revenue', true));
    return disrupted.slice(0, count);
  }

  accountManagers(): string[] {
    const names = new Set<string>();
    for (const customer of this.byId.values()) {
      if (customer.accountManager) {
        names.add(customer.accountManager);
      }
    }
    return [...names].sort((a, b) => a.localeCompare(b));
  }
}

/** The list row a document stands for; profile fields the document lacks are kept from before. */
export function summaryOf(document: CustomerDocument, before?: CustomerSummary): CustomerSummary {
  const profile = document.profile ?? undefined;
  const disruptedRows = document.touchpoints.filter((row) => row.disrupted);
  const since = disruptedRows
    .map((row) => row.disruptedSince)
    .filter((value): value is string => typeof value === 'string')
    .sort()[0];
  return {
    customerId: document.customerId,
    name: profile?.name ?? before?.name ?? null,
    accountManager: profile?.accountManager ?? before?.accountManager ?? null,
    annualRevenue: profile?.annualRevenue ?? before?.annualRevenue ?? null,
    potentialRevenue: profile?.potentialRevenue ?? before?.potentialRevenue ?? null,
    segment: profile?.segment ?? before?.segment ?? null,
    active: before?.active ?? true,
    disrupted: document.disrupted ?? disruptedRows.length > 0,
    disruptedTouchpoints: disruptedRows.map((row) => row.touchpoint),
    degraded: document.degraded ?? document.touchpoints.some((row) => row.degraded),
    experienceScore: document.experienceScore,
    quadrant: document.quadrant,
    disruptedSince: since ?? null,
    detractorSignals: before?.detractorSignals ?? 0,
    knownFirst: before?.knownFirst ?? 0,
    leadSecondsTotal: before?.leadSecondsTotal ?? 0,
  };
}

export function customerLabel(customer: Pick<CustomerSummary, 'customerId' | 'name'>): string {
  return customer.name?.trim() || customer.customerId;
}

function isOlder(document: CustomerDocument, kept: CustomerDocument): boolean {
  if (document.asOf === undefined || kept.asOf === undefined) {
    return false;
  }
  return Date.parse(document.asOf) < Date.parse(kept.asOf);
}

function matchesSearch(customer: CustomerSummary, search: string): boolean {
  return (
    customer.customerId.toLowerCase().includes(search) ||
    (customer.name?.toLowerCase().includes(search) ?? false) ||
    (customer.accountManager?.toLowerCase().includes(search) ?? false)
  );
}

const quadrantRank: Readonly<Record<string, number>> = { 'at-risk': 0, dangling: 1, growth: 2, model: 3 };

function comparer(sort: CustomerSortKey, descending: boolean): (a: CustomerSummary, b: CustomerSummary) => number {
  const direction = descending ? -1 : 1;
  const key = (customer: CustomerSummary): number | string | undefined => {
    switch (sort) {
      case 'name':
        return customerLabel(customer).toLowerCase();
      case 'revenue':
        return customer.annualRevenue ?? undefined;
      case 'score':
        return customer.experienceScore ?? undefined;
      case 'disruptedSince': {
        const at = customer.disruptedSince ? Date.parse(customer.disruptedSince) : Number.NaN;
        return Number.isNaN(at) ? undefined : at;
      }
      case 'quadrant':
        return customer.quadrant === null ? undefined : quadrantRank[customer.quadrant];
    }
  };
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    // Missing values go last whichever the direction; ties break by id so rows do not jump.
    if (ka === undefined || kb === undefined) {
      if (ka === kb) {
        return a.customerId.localeCompare(b.customerId);
      }
      return ka === undefined ? 1 : -1;
    }
    if (ka < kb) {
      return -direction;
    }
    if (ka > kb) {
      return direction;
    }
    return a.customerId.localeCompare(b.customerId);
  };
}

function customerChanges(before: CustomerSummary | undefined, after: CustomerSummary, document: CustomerDocument, now: number): FeedDraft[] {
  const label = customerLabel(after);
  const revenue = after.annualRevenue ? ` (${formatMoney(after.annualRevenue)})` : '';
  const drafts: FeedDraft[] = [];
  const was = new Set(before?.disruptedTouchpoints ?? []);
  const is = new Set(after.disruptedTouchpoints ?? []);
  for (const touchpoint of is) {
    if (!was.has(touchpoint)) {
      const row = document.touchpoints.find((candidate) => candidate.touchpoint === touchpoint);
      const at = row?.disruptedSince ? Date.parse(row.disruptedSince) : Number.NaN;
      drafts.push({
        at: Number.isNaN(at) ? now : Math.min(at, now),
        kind: 'disrupted',
        customerId: after.customerId,
        touchpoint,
        text: `${label}${revenue} disrupted on ${touchpoint}`,
      });
    }
  }
  for (const touchpoint of was) {
    if (!is.has(touchpoint)) {
      drafts.push({ at: now, kind: 'recovered', customerId: after.customerId, touchpoint, text: `${label} recovered on ${touchpoint}` });
    }
  }
  if (before !== undefined && before.quadrant !== after.quadrant && after.quadrant !== null) {
    drafts.push({
      at: now,
      kind: 'quadrant',
      customerId: after.customerId,
      text: `${label}${revenue} moved to ${after.quadrant}${before.quadrant ? ` (was ${before.quadrant})` : ''}`,
    });
  }
  return drafts;
}
