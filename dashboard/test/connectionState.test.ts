import { describe, expect, it } from 'vitest';
import {
  type ConnectionEvent,
  type ConnectionState,
  type ConnectionStatus,
  connectionDetail,
  connectionLabel,
  initialConnectionState,
  reduceConnection,
} from '../src/connectionState';

function run(events: readonly [ConnectionEvent, number][], start = initialConnectionState(0)): ConnectionState {
  return events.reduce((state, [event, now]) => reduceConnection(state, event, now), start);
}

describe('reduceConnection', () => {
  it('starts disconnected with no failures', () => {
    expect(initialConnectionState(5)).toEqual({
      status: 'disconnected',
      since: 5,
      lastError: undefined,
      failures: 0,
      retryAt: undefined,
    });
  });

  it('follows connect, drop, reconnect', () => {
    const state = run([
      [{ type: 'connecting' }, 1],
      [{ type: 'connected' }, 2],
      [{ type: 'reconnecting', error: 'WebSocket closed with status code: 1006' }, 3],
    ]);
    expect(state).toMatchObject({
      status: 'reconnecting',
      since: 3,
      failures: 1,
      lastError: 'WebSocket closed with status code: 1006',
    });
    const back = reduceConnection(state, { type: 'connected' }, 9);
    expect(back).toEqual({ status: 'connected', since: 9, lastError: undefined, failures: 0, retryAt: undefined });
  });

  it('keeps the time a status began while it lasts', () => {
    const state = run([
      [{ type: 'reconnecting' }, 10],
      [{ type: 'reconnecting' }, 20],
    ]);
    expect(state.since).toBe(10);
    expect(state.failures).toBe(2);
  });

  it('counts failed starts but not a deliberate stop', () => {
    const failed = run([
      [{ type: 'connecting' }, 1],
      [{ type: 'disconnected', error: 'refused', retryAt: 3_000 }, 2],
    ]);
    expect(failed).toMatchObject({ status: 'disconnected', failures: 1, retryAt: 3_000, lastError: 'refused' });

    const stopped = run([
      [{ type: 'connecting' }, 1],
      [{ type: 'connected' }, 2],
      [{ type: 'disconnected' }, 3],
    ]);
    expect(stopped).toMatchObject({ status: 'disconnected', failures: 0, retryAt: undefined });
  });

  it('forgets the retry time once it tries again', () => {
    const state = run([
      [{ type: 'disconnected', error: 'refused', retryAt: 3_000 }, 2],
      [{ type: 'connecting' }, 3_000],
    ]);
    expect(state.retryAt).toBeUndefined();
    expect(state.lastError).toBe('refused');
  });
});

describe('connectionLabel', () => {
  it.each<[ConnectionStatus, string, string]>([
    ['connecting', 'Connecting…', 'pending'],
    ['connected', 'Connected', 'ok'],
    ['reconnecting', 'Reconnecting…', 'warning'],
    ['disconnected', 'Disconnected', 'error'],
  ])('%s reads "%s" with tone %s', (status, text, tone) => {
    expect(connectionLabel(status)).toEqual({ text, tone });
  });

  it('gives each status its own words, so colour is never the only signal', () => {
    const statuses: ConnectionStatus[] = ['connecting', 'connected', 'reconnecting', 'disconnected'];
    expect(new Set(statuses.map((s) => connectionLabel(s).text)).size).toBe(statuses.length);
  });
});

describe('connectionDetail', () => {
  it('counts down to the next try and names the error', () => {
    const state = run([[{ type: 'disconnected', error: 'Failed to fetch', retryAt: 10_000 }, 0]]);
    expect(connectionDetail(state, 4_500)).toBe('retrying in 6 s · Failed to fetch');
    expect(connectionDetail(state, 10_500)).toBe('retrying now · Failed to fetch');
  });

  it('is empty when connected', () => {
    const state = run([[{ type: 'connected' }, 0]]);
    expect(connectionDetail(state, 1)).toBe('');
  });
});
