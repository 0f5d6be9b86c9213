export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy' | 'unreachable' | 'unknown';

export interface ProbeResult {
  readonly status: HealthStatus;
  /** The HTTP status, or undefined when no answer came. */
  readonly httpStatus: number | undefined;
  /** A short reason for people, e.g. "HTTP 503" or "no answer within 4 s". */
  readonly detail: string;
}

export interface HealthReport {
  readonly ready: ProbeResult;
  readonly live: ProbeResult;
  /** When the probes were answered (ms since the epoch). */
  readonly checkedAt: number;
}

export const healthPaths = { ready: '/health/ready', live: '/health/live' } as const;

const words: Readonly<Record<string, HealthStatus>> = {
  healthy: 'healthy',
  degraded: 'degraded',
  unhealthy: 'unhealthy',
};

/**
 * Reads an ASP.NET Core health check answer: a plain "Healthy" / "Degraded" /
 * "Unhealthy" body or a JSON object with a `status` field, with the HTTP
 * status as a fallback. A failed HTTP status is never reported as healthy.
 */
export function interpretProbe(httpStatus: number, body: string): ProbeResult {
  const ok = httpStatus >= 200 && httpStatus < 300;
  const stated = statusInBody(body);
  if (httpStatus === 401 || httpStatus === 403) {
    return { status: 'unknown', httpStatus, detail: `not allowed (HTTP ${httpStatus}); check the API key` };
  }
  if (stated !== undefined && (ok || stated !== 'healthy')) {
    return { status: stated, httpStatus, detail: `HTTP ${httpStatus}` };
  }
  if (httpStatus === 502 || httpStatus === 504) {
    // A proxy in front of the api answered for it: the api itself did not.
    return { status: 'unreachable', httpStatus, detail: `HTTP ${httpStatus} from a proxy` };
  }
  return { status: ok ? 'healthy' : 'unhealthy', httpStatus, detail: `HTTP ${httpStatus}` };
}

function statusInBody(body: string): HealthStatus | undefined {
  const text = body.trim();
  const word = words[text.toLowerCase()];
  if (word !== undefined) {
    return word;
  }
  if (!text.startsWith('{')) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'status' in parsed && typeof parsed.status === 'string') {
      return words[parsed.status.toLowerCase()];
    }
  } catch {
    // not JSON after all
  }
  return undefined;
}

export function healthLabel(status: HealthStatus): { readonly text: string; readonly tone: 'ok' | 'warning' | 'error' | 'pending' } {
  switch (status) {
    case 'healthy':
      return { text: 'Healthy', tone: 'ok' };
    case 'degraded':
      return { text: 'Degraded', tone: 'warning' };
    case 'unhealthy':
      return { text: 'Unhealthy', tone: 'error' };
    case 'unreachable':
      return { text: 'Unreachable', tone: 'error' };
    case 'unknown':
      return { text: 'Unknown', tone: 'pending' };
  }
}

/** The part of `fetch` the monitor uses, so tests can stand in for it. */
export type HealthFetch = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal; cache: RequestCache },
) => Promise<{ readonly status: number; text(): Promise<string> }>;

export interface HealthMonitorOptions {
  readonly fetch: HealthFetch;
  /** Headers for each probe, read at probe time (the API key may change). */
  readonly headers: () => Record<string, string>;
  readonly onReport: (report: HealthReport) => void;
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

export interface HealthMonitor {
  /** Probes now and then every interval, until stopped. */
  start(): void;
  stop(): void;
  /** Probes once now; the report also goes to `onReport` unless a newer one already did. */
  checkNow(): Promise<HealthReport>;
}

export function createHealthMonitor(options: HealthMonitorOptions): HealthMonitor {
  const intervalMs = options.intervalMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 4_000;
  const now = options.now ?? Date.now;
  let running = false;
  // Bumped by start/stop so a probe in flight from an earlier run ends its loop.
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let issued = 0;
  let reported = 0;

  async function probe(url: string): Promise<ProbeResult> {
    try {
      const response = await options.fetch(url, {
        headers: options.headers(),
        signal: AbortSignal.timeout(timeoutMs),
        cache: 'no-store',
      });
      return interpretProbe(response.status, await response.text());
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return {
        status: 'unreachable',
        httpStatus: undefined,
        detail: timedOut ? `no answer within ${timeoutMs / 1000} s` : 'network error',
      };
    }
  }

  async function checkNow(): Promise<HealthReport> {
    const sequence = ++issued;
    const [ready, live] = await Promise.all([probe(healthPaths.ready), probe(healthPaths.live)]);
    const report: HealthReport = { ready, live, checkedAt: now() };
    // Answers can overtake each other; an older one must not hide a newer one.
    if (sequence > reported) {
      reported = sequence;
      options.onReport(report);
    }
    return report;
  }

  async function tick(run: number): Promise<void> {
    await checkNow();
    if (running && run === generation) {
      timer = setTimeout(() => void tick(run), intervalMs);
    }
  }

  return {
    start(): void {
      if (running) {
        return;
      }
      running = true;
      void tick(++generation);
    },
    stop(): void {
      running = false;
      generation++;
      clearTimeout(timer);
      timer = undefined;
    },
    checkNow,
  };
}
