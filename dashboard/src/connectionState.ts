/** What the dashboard's live connection is doing, as a person would put it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** Things that happen to the connection; the reducer turns them into a state. */
export type ConnectionEvent =
  | { readonly type: 'connecting' }
  | { readonly type: 'connected' }
  | { readonly type: 'reconnecting'; readonly error?: string | undefined }
  | { readonly type: 'disconnected'; readonly error?: string | undefined; readonly retryAt?: number | undefined };

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** When the connection entered `status` (ms since the epoch). */
  readonly since: number;
  /** The last error the connection reported, kept until it connects again. */
  readonly lastError: string | undefined;
  /** Failed tries since the last successful connection. */
  readonly failures: number;
  /** When a stopped connection will try again, if it will. */
  readonly retryAt: number | undefined;
}

export function initialConnectionState(now: number): ConnectionState {
  return { status: 'disconnected', since: now, lastError: undefined, failures: 0, retryAt: undefined };
}

export function reduceConnection(state: ConnectionState, event: ConnectionEvent, now: number): ConnectionState {
  switch (event.type) {
    case 'connecting':
      return enter(state, 'connecting', now, { retryAt: undefined });
    case 'connected':
      return enter(state, 'connected', now, { lastError: undefined, failures: 0, retryAt: undefined });
    case 'reconnecting':
      return enter(state, 'reconnecting', now, {
        lastError: event.error ?? state.lastError,
        failures: state.failures + 1,
        retryAt: undefined,
      });
    case 'disconnected':
      return enter(state, 'disconnected', now, {
        lastError: event.error ?? state.lastError,
        // A deliberate stop (no error) is not a failure.
        failures: event.error === undefined ? state.failures : state.failures + 1,
        retryAt: event.retryAt,
      });
  }
}

function enter(
  state: ConnectionState,
  status: ConnectionStatus,
  now: number,
  changes: Partial<Omit<ConnectionState, 'status' | 'since'>>,
): ConnectionState {
  // `since` marks the start of a status, so staying in it keeps the old time.
  const since = state.status === status ? state.since : now;
  return { ...state, ...changes, status, since };
}

/** How a state is shown: text always carries the meaning, tone only adds colour. */
export interface ConnectionLabel {
  readonly text: string;
  readonly tone: 'ok' | 'pending' | 'warning' | 'error';
}

const labels: Readonly<Record<ConnectionStatus, ConnectionLabel>> = {
  connecting: { text: 'Connecting…', tone: 'pending' },
  connected: { text: 'Connected', tone: 'ok' },
  reconnecting: { text: 'Reconnecting…', tone: 'warning' },
  disconnected: { text: 'Disconnected', tone: 'error' },
};

export function connectionLabel(status: ConnectionStatus): ConnectionLabel {
  return labels[status];
}

/** A short explanation under the label, e.g. the retry time or the last error. */
export function connectionDetail(state: ConnectionState, now: number): string {
  const parts: string[] = [];
  if (state.status === 'disconnected' && state.retryAt !== undefined) {
    const seconds = Math.max(0, Math.ceil((state.retryAt - now) / 1000));
    parts.push(seconds === 0 ? 'retrying now' : `retrying in ${seconds} s`);
  }
  if (state.status !== 'connected' && state.lastError !== undefined) {
    parts.push(state.lastError);
  }
  return parts.join(' · ');
}
