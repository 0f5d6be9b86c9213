import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus } from '../src/connectionState';
import { type HubConnectionLike, LiveConnection, topicInvocation, topicKey } from '../src/live';

/** Stands in for @microsoft/signalr's HubConnection and lets a test play the server. */
class FakeHub implements HubConnectionLike {
  readonly invocations: string[] = [];
  readonly handlers = new Map<string, (...args: unknown[]) => void>();
  startResults: (() => Promise<void>)[] = [];
  starts = 0;
  stops = 0;
  token: (() => string) | undefined;
  private close: ((error?: Error) => void) | undefined;
  private reconnecting: ((error?: Error) => void) | undefined;
  private reconnected: ((id?: string) => void) | undefined;

  start(): Promise<void> {
    this.starts++;
    return this.startResults.shift()?.() ?? Promise.resolve();
  }
  stop(): Promise<void> {
    this.stops++;
    this.close?.();
    return Promise.resolve();
  }
  invoke(method: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push([method, ...args].join(' '));
    return Promise.resolve();
  }
  on(method: string, handler: (...args: unknown[]) => void): void {
    this.handlers.set(method, handler);
  }
  onclose(callback: (error?: Error) => void): void {
    this.close = callback;
  }
  onreconnecting(callback: (error?: Error) => void): void {
    this.reconnecting = callback;
  }
  onreconnected(callback: (id?: string) => void): void {
    this.reconnected = callback;
  }
  drop(error: Error): void {
    this.reconnecting?.(error);
  }
  recover(): void {
    this.reconnected?.('c2');
  }
  serverClose(error: Error): void {
    this.close?.(error);
  }
  send(method: string, payload: unknown): void {
    this.handlers.get(method)?.(payload);
  }
}

function setup(accessToken: () => string | undefined = () => undefined) {
  const hub = new FakeHub();
  const statuses: ConnectionStatus[] = [];
  const errors: unknown[] = [];
  const live = new LiveConnection({
    accessToken,
    createConnection: (url, token) => {
      expect(url).toBe('/hubs/live');
      hub.token = token;
      return hub;
    },
    restartDelayMs: () => 1_000,
    onError: (error) => errors.push(error),
  });
  live.onStateChange((state) => statuses.push(state.status));
  return { hub, live, statuses, errors };
}

describe('topics', () => {
  it('map to the hub methods in API.md', () => {
    expect(topicInvocation({ kind: 'overview' }, 'Subscribe')).toEqual({ method: 'SubscribeOverview', args: [] });
    expect(topicInvocation({ kind: 'customer', customerId: 'acme' }, 'Unsubscribe')).toEqual({
      method: 'UnsubscribeCustomer',
      args: ['acme'],
    });
    expect(topicInvocation({ kind: 'accountManager', accountManager: 'jo' }, 'Subscribe')).toEqual({
      method: 'SubscribeAccountManager',
      args: ['jo'],
    });
    expect(topicInvocation({ kind: 'customers' }, 'Subscribe')).toEqual({ method: 'SubscribeCustomers', args: [] });
  });

  it('have distinct keys per kind and id', () => {
    expect(topicKey({ kind: 'customer', customerId: 'a' })).not.toBe(topicKey({ kind: 'accountManager', accountManager: 'a' }));
    expect(topicKey({ kind: 'customer', customerId: 'a' })).toBe(topicKey({ kind: 'customer', customerId: 'a' }));
    expect(topicKey({ kind: 'customers' })).not.toBe(topicKey({ kind: 'overview' }));
  });
});

describe('LiveConnection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports connecting then connected', async () => {
    const { live, statuses } = setup();
    await live.start();
    expect(statuses).toEqual(['connecting', 'connected']);
    expect(live.state.status).toBe('connected');
  });

  it('passes the current API key to the hub, or an empty token when keyless', () => {
    let key: string | undefined;
    const { hub } = setup(() => key);
    expect(hub.token?.()).toBe('');
    key = 'secret';
    expect(hub.token?.()).toBe('secret');
  });

  it('joins topics wanted before the connection came up, once each', async () => {
    const { live, hub } = setup();
    live.subscribe({ kind: 'overview' });
    live.subscribe({ kind: 'overview' });
    live.subscribe({ kind: 'customer', customerId: 'acme' });
    expect(hub.invocations).toEqual([]);
    await live.start();
    expect(hub.invocations).toEqual(['SubscribeOverview', 'SubscribeCustomer acme']);
  });

  it('rejoins every topic after a reconnect', async () => {
    const { live, hub, statuses } = setup();
    await live.start();
    live.subscribe({ kind: 'accountManager', accountManager: 'jo' });
    hub.drop(new Error('WebSocket closed'));
    expect(live.state).toMatchObject({ status: 'reconnecting', lastError: 'WebSocket closed' });
    hub.recover();
    expect(statuses).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(hub.invocations).toEqual(['SubscribeAccountManager jo', 'SubscribeAccountManager jo']);
  });

  it('leaves a topic when its last subscriber goes', async () => {
    const { live, hub } = setup();
    await live.start();
    const first = live.subscribe({ kind: 'overview' });
    const second = live.subscribe({ kind: 'overview' });
    first();
    first();
    expect(hub.invocations).toEqual(['SubscribeOverview']);
    second();
    expect(hub.invocations).toEqual(['SubscribeOverview', 'UnsubscribeOverview']);
    expect(live.subscriptions).toEqual([]);
  });

  it('hands server messages to their listeners', async () => {
    const { live, hub } = setup();
    await live.start();
    const heard: unknown[] = [];
    const stop = live.on('alertRaised', (alert) => heard.push(alert));
    hub.send('alertRaised', { id: 'a1' });
    stop();
    hub.send('alertRaised', { id: 'a2' });
    expect(heard).toEqual([{ id: 'a1' }]);
  });

  it('retries a failed start after the restart delay', async () => {
    const { live, hub } = setup();
    hub.startResults = [() => Promise.reject(new Error('Failed to fetch'))];
    await live.start();
    expect(live.state).toMatchObject({ status: 'disconnected', lastError: 'Failed to fetch', failures: 1 });
    expect(live.state.retryAt).toBeDefined();
    expect(hub.starts).toBe(1);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(hub.starts).toBe(2);
    expect(live.state.status).toBe('connected');
  });

  it('stays down after stop, without retrying', async () => {
    const { live, hub, statuses } = setup();
    await live.start();
    await live.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(statuses).toEqual(['connecting', 'connected', 'disconnected']);
    expect(hub.starts).toBe(1);
  });

  it('starts over when the server closes the connection for good', async () => {
    const { live, hub } = setup();
    await live.start();
    // onclose without stop(): reconnect gave up or the server refused it.
    hub.serverClose(new Error('Server returned an error on close'));
    expect(live.state.status).toBe('disconnected');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(hub.starts).toBe(2);
    expect(live.state.status).toBe('connected');
  });
});
