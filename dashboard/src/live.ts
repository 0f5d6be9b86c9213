/**
 * The one owner of the SignalR connection to /hubs/live. Everything else in
 * the dashboard hears connection state and server messages through here and
 * asks for topics with `subscribe`; this module keeps the server's groups in
 * step, including after a reconnect (the server forgets groups with the old
 * connection id).
 */
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { type ConnectionEvent, type ConnectionState, initialConnectionState, reduceConnection } from './connectionState';
import { type Emitter, type Unsubscribe, createEmitter } from './emitter';
import { reconnectDelayMs } from './retry';

export const liveHubPath = '/hubs/live';

/** What a client can ask the hub to stream (API.md, "Live: SignalR hub"). */
export type LiveTopic =
  | { readonly kind: 'overview' }
  /** Every customer's `customerChanged` (fleet-wide views). */
  | { readonly kind: 'customers' }
  | { readonly kind: 'customer'; readonly customerId: string }
  | { readonly kind: 'accountManager'; readonly accountManager: string }
  /** The changes of the customers in a bound key's book (its account managers'). */
  | { readonly kind: 'book' };

/**
 * Messages the server sends, by hub method name. Payloads stay `unknown`
 * until the views that read them parse them.
 */
export interface LiveServerMessages {
  overview: unknown;
  customerChanged: unknown;
  alertRaised: unknown;
  alertChanged: unknown;
}

export type LiveServerMessage = keyof LiveServerMessages;

const serverMessages: readonly LiveServerMessage[] = ['overview', 'customerChanged', 'alertRaised', 'alertChanged'];

/** A stable key per topic, so two subscribers to one topic share one group. */
export function topicKey(topic: LiveTopic): string {
  switch (topic.kind) {
    case 'overview':
      return 'overview';
    case 'customers':
      return 'customers';
    case 'customer':
      return `customer:${topic.customerId}`;
    case 'accountManager':
      return `accountManager:${topic.accountManager}`;
    case 'book':
      return 'book';
  }
}

/** The hub call that joins or leaves a topic's group. */
export function topicInvocation(
  topic: LiveTopic,
  action: 'Subscribe' | 'Unsubscribe',
): { readonly method: string; readonly args: readonly string[] } {
  switch (topic.kind) {
    case 'overview':
      return { method: `${action}Overview`, args: [] };
    case 'customers':
      return { method: `${action}Customers`, args: [] };
    case 'customer':
      return { method: `${action}Customer`, args: [topic.customerId] };
    case 'accountManager':
      return { method: `${action}AccountManager`, args: [topic.accountManager] };
    case 'book':
      return { method: `${action}Book`, args: [] };
  }
}

/** The slice of @microsoft/signalr's HubConnection used here; tests fake it. */
export interface HubConnectionLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke(method: string, ...args: unknown[]): Promise<unknown>;
  on(method: string, handler: (...args: unknown[]) => void): void;
  onclose(callback: (error?: Error) => void): void;
  onreconnecting(callback: (error?: Error) => void): void;
  onreconnected(callback: (connectionId?: string) => void): void;
}

export interface LiveOptions {
  /** The bearer token for the hub, read at every (re)connect; undefined = keyless. */
  readonly accessToken: () => string | undefined;
  readonly url?: string;
  readonly createConnection?: (url: string, accessToken: () => string) => HubConnectionLike;
  /** Delay after `failures` consecutive failed starts before the next one. */
  readonly restartDelayMs?: (failures: number) => number;
  readonly now?: () => number;
  readonly onError?: (error: unknown) => void;
}

function createSignalRConnection(url: string, accessToken: () => string): HubConnectionLike {
  return new HubConnectionBuilder()
    .withUrl(url, { accessTokenFactory: accessToken })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => reconnectDelayMs(context.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
}

export class LiveConnection {
  private readonly connection: HubConnectionLike;
  private readonly now: () => number;
  private readonly restartDelayMs: (failures: number) => number;
  private readonly onError: (error: unknown) => void;
  private readonly stateChanges: Emitter<ConnectionState>;
  private readonly messages = new Map<LiveServerMessage, Emitter<unknown>>();
  /** Wanted topics with how many callers want each. */
  private readonly topics = new Map<string, { readonly topic: LiveTopic; count: number }>();
  private current: ConnectionState;
  private wanted = false;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: LiveOptions) {
    this.now = options.now ?? Date.now;
    this.restartDelayMs = options.restartDelayMs ?? ((failures) => reconnectDelayMs(failures));
    this.onError = options.onError ?? ((error) => console.warn('live:', error));
    this.stateChanges = createEmitter(this.onError);
    this.current = initialConnectionState(this.now());
    const create = options.createConnection ?? createSignalRConnection;
    this.connection = create(options.url ?? liveHubPath, () => options.accessToken() ?? '');

    for (const name of serverMessages) {
      const emitter = createEmitter<unknown>(this.onError);
      this.messages.set(name, emitter);
      this.connection.on(name, (payload) => emitter.emit(payload));
    }
    this.connection.onreconnecting((error) => this.dispatch({ type: 'reconnecting', error: describe(error) }));
    this.connection.onreconnected(() => {
      this.dispatch({ type: 'connected' });
      this.joinAll();
    });
    this.connection.onclose((error) => this.closed(error));
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** Hears every state change; call the result to stop hearing. */
  onStateChange(listener: (state: ConnectionState) => void): Unsubscribe {
    return this.stateChanges.subscribe(listener);
  }

  /** Hears one kind of server message. Hearing needs a matching `subscribe`. */
  on<M extends LiveServerMessage>(message: M, handler: (payload: LiveServerMessages[M]) => void): Unsubscribe {
    const emitter = this.messages.get(message);
    if (emitter === undefined) {
      throw new Error(`unknown live message ${message}`);
    }
    return emitter.subscribe(handler);
  }

  /**
   * Asks the server for a topic until the result is called. Subscribing while
   * disconnected is fine: topics are joined on every (re)connect.
   */
  subscribe(topic: LiveTopic): Unsubscribe {
    const key = topicKey(topic);
    const entry = this.topics.get(key);
    if (entry !== undefined) {
      entry.count++;
    } else {
      this.topics.set(key, { topic, count: 1 });
      if (this.current.status === 'connected') {
        this.call(topic, 'Subscribe');
      }
    }
    let done = false;
    return () => {
      if (done) {
        return;
      }
      done = true;
      const held = this.topics.get(key);
      if (held === undefined || --held.count > 0) {
        return;
      }
      this.topics.delete(key);
      if (this.current.status === 'connected') {
        this.call(topic, 'Unsubscribe');
      }
    };
  }

  /** Topics currently wanted, for display and tests. */
  get subscriptions(): readonly LiveTopic[] {
    return [...this.topics.values()].map((entry) => entry.topic);
  }

  /** Connects, and keeps trying until `stop`. */
  async start(): Promise<void> {
    this.wanted = true;
    this.clearRestart();
    if (this.current.status !== 'disconnected') {
      return;
    }
    this.dispatch({ type: 'connecting' });
    try {
      await this.connection.start();
    } catch (error) {
      this.failedStart(error);
      return;
    }
    if (!this.wanted) {
      // stop() was called while the start was under way.
      await this.connection.stop();
      return;
    }
    this.dispatch({ type: 'connected' });
    this.joinAll();
  }

  async stop(): Promise<void> {
    this.wanted = false;
    this.clearRestart();
    await this.connection.stop();
    if (this.current.status !== 'disconnected') {
      this.dispatch({ type: 'disconnected' });
    }
  }

  /** Stops and starts again, e.g. so a changed API key takes effect. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private closed(error: Error | undefined): void {
    if (!this.wanted) {
      this.dispatch({ type: 'disconnected' });
      return;
    }
    // Automatic reconnect gave up or the server refused it: start over later.
    this.failedStart(error ?? new Error('connection closed'));
  }

  private failedStart(error: unknown): void {
    if (!this.wanted) {
      this.dispatch({ type: 'disconnected' });
      return;
    }
    const delay = this.restartDelayMs(this.current.failures);
    this.dispatch({ type: 'disconnected', error: describe(error) ?? 'connection failed', retryAt: this.now() + delay });
    this.clearRestart();
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      void this.start();
    }, delay);
  }

  private clearRestart(): void {
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
  }

  private joinAll(): void {
    for (const { topic } of this.topics.values()) {
      this.call(topic, 'Subscribe');
    }
  }

  private call(topic: LiveTopic, action: 'Subscribe' | 'Unsubscribe'): void {
    const { method, args } = topicInvocation(topic, action);
    this.connection.invoke(method, ...args).catch((error: unknown) => this.onError(error));
  }

  private dispatch(event: ConnectionEvent): void {
    this.current = reduceConnection(this.current, event, this.now());
    this.stateChanges.emit(this.current);
  }
}

function describe(error: unknown): string | undefined {
  if (error === undefined || error === null) {
    return undefined;
  }
  return error instanceof Error ? error.message : String(error);
}
