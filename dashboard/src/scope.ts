/**
 * What this page may watch, from who the key is (GET /api/v1/me): a key bound
 * to account managers sees their book only, so it joins their alert groups and
 * its book's customer changes, never the fleet-wide overview or customers
 * groups (the hub refuses those), and reads the book's overview by polling.
 */
import type { LiveTopic } from './live';
import type { Caller } from './api/types';

export type Scope =
  | { readonly kind: 'fleet' }
  | { readonly kind: 'book'; readonly accountManagers: readonly string[] };

export const fleetScope: Scope = { kind: 'fleet' };

/** How often a book's overview is read again: the hub pushes the fleet's only. */
export const bookOverviewPollMs = 5_000;

export function scopeOf(caller: Caller | undefined): Scope {
  const managers = caller?.accountManagers ?? [];
  return managers.length === 0 ? fleetScope : { kind: 'book', accountManagers: [...managers] };
}

export function topicsFor(scope: Scope): LiveTopic[] {
  return scope.kind === 'fleet'
    ? [{ kind: 'overview' }, { kind: 'customers' }]
    : [{ kind: 'book' }, ...scope.accountManagers.map((accountManager) => ({ kind: 'accountManager', accountManager }) as const)];
}

export function sameScope(a: Scope, b: Scope): boolean {
  if (a.kind !== b.kind) {
    return false;
  }
  return a.kind === 'fleet' || (b.kind === 'book' && a.accountManagers.join('\n') === b.accountManagers.join('\n'));
}
