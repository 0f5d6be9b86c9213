/**
 * The latest overview and a short client-side history of it, for trend
 * sparklines: one sample per touchpoint per `spacingMs` at most, the last
 * `capacity` kept. Overview pushes come at most 4 a second.
 */
import type { Overview, TouchpointRow } from '../api/types';
import { formatAvailability, formatLatency, formatMoney, plural } from '../format';
import type { FeedDraft } from './feed';

export interface TrendPoint {
  /** Server time of the sample (ms since the epoch). */
  readonly t: number;
  readonly availability: number;
  readonly disrupted: number;
  readonly revenueDisrupted: number;
  readonly p95: number | null;
}

export interface FleetPoint {
  readonly t: number;
  readonly disrupted: number;
  readonly revenueDisrupted: number;
}

export class OverviewStore {
  current: Overview | undefined;
  /** When the latest overview reached this page (client clock). */
  receivedAt: number | undefined;
  version = 0;
  private readonly trends = new Map<string, TrendPoint[]>();
  private fleetTrend: FleetPoint[] = [];

  constructor(
    private readonly capacity = 120,
    private readonly spacingMs = 1_000,
  ) {}

  /** Takes an overview (fetched or pushed); returns what changed worth a line in the feed. */
  apply(overview: Overview, receivedAt: number): FeedDraft[] {
    const previous = this.current;
    const at = Date.parse(overview.asOf);
    const t = Number.isNaN(at) ? receivedAt : at;
    if (previous !== undefined && Date.parse(previous.asOf) > t) {
      return []; // an older document overtaken by a newer one
    }
    this.current = overview;
    this.receivedAt = receivedAt;
    this.version++;
    for (const row of overview.touchpoints) {
      this.push(this.trendOf(row.touchpoint), {
        t,
        availability: row.internal.availability,
        disrupted: row.customers.disrupted,
        revenueDisrupted: row.customers.revenueDisrupted,
        p95: row.internal.p95LatencyMs ?? null,
      });
    }
    this.push(this.fleetTrend, { t, disrupted: overview.customersDisrupted, revenueDisrupted: overview.revenueDisrupted });
    return previous === undefined ? [] : changes(previous, overview, t);
  }

  trend(touchpoint: string): readonly TrendPoint[] {
    return this.trends.get(touchpoint) ?? [];
  }

  get fleet(): readonly FleetPoint[] {
    return this.fleetTrend;
  }

  private trendOf(touchpoint: string): TrendPoint[] {
    let trend = this.trends.get(touchpoint);
    if (trend === undefined) {
      trend = [];
      this.trends.set(touchpoint, trend);
    }
    return trend;
  }

  private push<T extends { readonly t: number }>(series: T[], point: T): void {
    const last = series[series.length - 1];
    if (last !== undefined && point.t - last.t < this.spacingMs) {
      // Within one spacing the newest value stands for the slot, so the line shows the present.
      series[series.length - 1] = { ...point, t: last.t };
      return;
    }
    series.push(point);
    if (series.length > this.capacity) {
      series.splice(0, series.length - this.capacity);
    }
  }
}

export function touchpointLabel(row: Pick<TouchpointRow, 'touchpoint' | 'name'>): string {
  return row.name?.trim() || row.touchpoint;
}

function changes(before: Overview, after: Overview, at: number): FeedDraft[] {
  const previous = new Map(before.touchpoints.map((row) => [row.touchpoint, row]));
  const drafts: FeedDraft[] = [];
  for (const row of after.touchpoints) {
    const old = previous.get(row.touchpoint);
    if (old === undefined) {
      continue;
    }
    const label = touchpointLabel(row);
    if (row.hiddenDisruption && !old.hiddenDisruption) {
      drafts.push({
        at,
        kind: 'hidden',
        touchpoint: row.touchpoint,
        text: `${label}: hidden disruption - KPI healthy at ${formatAvailability(row.internal.availability)}, yet ${plural(row.customers.disrupted, 'customer')} (${formatMoney(row.customers.revenueDisrupted)}) disrupted`,
      });
    } else if (!row.hiddenDisruption && old.hiddenDisruption) {
      drafts.push({ at, kind: 'hidden-cleared', touchpoint: row.touchpoint, text: `${label}: hidden disruption over` });
    }
    if (!row.internal.healthy && old.internal.healthy) {
      drafts.push({
        at,
        kind: 'kpi-breach',
        touchpoint: row.touchpoint,
        text: `${label}: internal KPI breached (availability ${formatAvailability(row.internal.availability)}, p95 ${formatLatency(row.internal.p95LatencyMs)})`,
      });
    } else if (row.internal.healthy && !old.internal.healthy) {
      drafts.push({ at, kind: 'kpi-healthy', touchpoint: row.touchpoint, text: `${label}: internal KPI healthy again` });
    }
  }
  return drafts;
}
