/**
 * Alerts as this page knows them: fetched for the chosen account manager,
 * then kept live by alertRaised / alertChanged. A push never goes back in
 * time: an alert with a lower version than the one held is ignored.
 */
import type { Alert, AlertSeverity, AlertState } from '../api/types';

export type UpsertOutcome = 'new' | 'updated' | 'stale';

const severityRank: Readonly<Record<AlertSeverity, number>> = { critical: 0, warning: 1, info: 2 };

export class AlertStore {
  private readonly byId = new Map<string, Alert>();
  version = 0;

  /** Takes fetched alerts (merging, so a push that raced the fetch is not lost). */
  load(items: readonly Alert[]): void {
    for (const alert of items) {
      this.upsert(alert);
    }
    this.version++;
  }

  clear(): void {
    this.byId.clear();
    this.version++;
  }

  upsert(alert: Alert): UpsertOutcome {
    const held = this.byId.get(alert.id);
    if (held !== undefined && held.version !== undefined && alert.version !== undefined && alert.version < held.version) {
      return 'stale';
    }
    this.byId.set(alert.id, alert);
    this.version++;
    return held === undefined ? 'new' : 'updated';
  }

  get(id: string): Alert | undefined {
    return this.byId.get(id);
  }

  /** One account manager's (or everyone's, with 'all') alerts in a state: critical first, then newest. */
  list(accountManager: string, state: AlertState): Alert[] {
    const items = [...this.byId.values()].filter((alert) => alert.state === state && belongsTo(alert, accountManager));
    items.sort(
      (a, b) =>
        (severityRank[a.severity] ?? 3) - (severityRank[b.severity] ?? 3) ||
        Number(b.escalated === true) - Number(a.escalated === true) ||
        Date.parse(b.lastSeenAt ?? b.openedAt) - Date.parse(a.lastSeenAt ?? a.openedAt) ||
        a.id.localeCompare(b.id),
    );
    return items;
  }

  counts(accountManager: string): Record<AlertState, number> {
    const counts: Record<AlertState, number> = { open: 0, acknowledged: 0, resolved: 0 };
    for (const alert of this.byId.values()) {
      if (belongsTo(alert, accountManager) && alert.state in counts) {
        counts[alert.state]++;
      }
    }
    return counts;
  }

  accountManagers(): string[] {
    return [...new Set([...this.byId.values()].map((alert) => alert.accountManager))].sort((a, b) => a.localeCompare(b));
  }
}

export function belongsTo(alert: Alert, accountManager: string): boolean {
  return accountManager === 'all' || alert.accountManager === accountManager;
}

/** A one-line description of an alert for notices and titles. */
/** A line for an alert or its summary (a customer document's open alerts carry no touchpoint). */
export function alertHeadline(alert: Pick<Alert, 'title' | 'reason' | 'customerId'> & { readonly touchpoint?: string | null }): string {
  if (alert.title) {
    return alert.title;
  }
  const reasons: Readonly<Record<string, string>> = {
    'at-risk': 'entered At-Risk',
    disrupted: alert.touchpoint ? `disrupted on ${alert.touchpoint}` : 'disrupted',
    'feedback-while-disrupted': 'complained while disrupted',
    'score-drop': 'experience score dropped',
  };
  return `${alert.customerId} ${reasons[alert.reason] ?? alert.reason}`;
}
