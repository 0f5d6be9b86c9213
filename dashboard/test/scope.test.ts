import { describe, expect, it } from 'vitest';
import { topicInvocation } from '../src/live';
import { fleetScope, sameScope, scopeOf, topicsFor } from '../src/scope';

describe('scope', () => {
  it('watches the fleet for a key without account managers, or when the caller is unknown', () => {
    expect(scopeOf(undefined)).toEqual(fleetScope);
    expect(scopeOf({ name: 'ops', scopes: ['read'], accountManagers: [] })).toEqual(fleetScope);
    expect(topicsFor(fleetScope)).toEqual([{ kind: 'overview' }, { kind: 'customers' }]);
  });

  it('watches only the book of a bound key: its customers and each manager alerts, never the fleet groups', () => {
    const scope = scopeOf({ name: 'dana', scopes: ['read'], accountManagers: ['dana', 'lee'] });

    const topics = topicsFor(scope);

    expect(topics).toEqual([{ kind: 'book' }, { kind: 'accountManager', accountManager: 'dana' }, { kind: 'accountManager', accountManager: 'lee' }]);
    expect(topics.map((t) => topicInvocation(t, 'Subscribe').method)).not.toContain('SubscribeOverview');
    expect(topics.map((t) => topicInvocation(t, 'Subscribe').method)).not.toContain('SubscribeCustomers');
    expect(topicInvocation({ kind: 'book' }, 'Subscribe')).toEqual({ method: 'SubscribeBook', args: [] });
  });

  it('tells a change of book from the same book read again', () => {
    const dana = scopeOf({ name: 'a', scopes: [], accountManagers: ['dana'] });

    expect(sameScope(dana, scopeOf({ name: 'b', scopes: ['read'], accountManagers: ['dana'] }))).toBe(true);
    expect(sameScope(dana, scopeOf({ name: 'a', scopes: [], accountManagers: ['priya'] }))).toBe(false);
    expect(sameScope(dana, fleetScope)).toBe(false);
    expect(sameScope(fleetScope, fleetScope)).toBe(true);
  });
});
