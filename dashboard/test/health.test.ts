import { describe, expect, it } from 'vitest';
import { type HealthFetch, type HealthReport, createHealthMonitor, healthLabel, interpretProbe } from '../src/health';

describe('interpretProbe', () => {
  it.each([
    [200, 'Healthy', 'healthy'],
    [200, 'Degraded', 'degraded'],
    [503, 'Unhealthy', 'unhealthy'],
    [200, '{"status":"Degraded","entries":{}}', 'degraded'],
    [200, '', 'healthy'],
    [503, '', 'unhealthy'],
    [500, '<html>oops</html>', 'unhealthy'],
    [503, 'Healthy', 'unhealthy'],
    [401, '', 'unknown'],
    [502, 'Bad Gateway', 'unreachable'],
    [504, '', 'unreachable'],
  ] as const)('HTTP %i with body %j is %s', (httpStatus, body, expected) => {
    expect(interpretProbe(httpStatus, body).status).toBe(expected);
  });

  it('tells the reader to check the key on 401', () => {
    expect(interpretProbe(401, '').detail).toContain('API key');
  });
});

describe('healthLabel', () => {
  it('has words for every status', () => {
    expect(healthLabel('healthy').text).toBe('Healthy');
    expect(healthLabel('unreachable')).toEqual({ text: 'Unreachable', tone: 'error' });
  });
});

describe('createHealthMonitor', () => {
  it('probes readiness and liveness with the current headers', async () => {
    const calls: { url: string; headers: Record<string, string> }[] = [];
    const fakeFetch: HealthFetch = (url, init) => {
      calls.push({ url, headers: init.headers });
      return Promise.resolve({
        status: url.endsWith('/ready') ? 503 : 200,
        text: () => Promise.resolve(url.endsWith('/ready') ? 'Unhealthy' : 'Healthy'),
      });
    };
    let key = 'k1';
    const reports: HealthReport[] = [];
    const monitor = createHealthMonitor({
      fetch: fakeFetch,
      headers: () => ({ Authorization: `Bearer ${key}` }),
      onReport: (report) => reports.push(report),
      now: () => 42,
    });

    const first = await monitor.checkNow();
    key = 'k2';
    await monitor.checkNow();

    expect(first).toEqual({
      ready: { status: 'unhealthy', httpStatus: 503, detail: 'HTTP 503' },
      live: { status: 'healthy', httpStatus: 200, detail: 'HTTP 200' },
      checkedAt: 42,
    });
    expect(calls.map((c) => c.url).sort()).toEqual(['/health/live', '/health/live', '/health/ready', '/health/ready']);
    expect(calls.slice(2).every((c) => c.headers['Authorization'] === 'Bearer k2')).toBe(true);
    expect(reports).toHaveLength(2);
  });

  it('reports a server that does not answer as unreachable', async () => {
    const monitor = createHealthMonitor({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      headers: () => ({}),
      onReport: () => undefined,
    });
    const report = await monitor.checkNow();
    expect(report.ready).toEqual({ status: 'unreachable', httpStatus: undefined, detail: 'network error' });
  });

  it('does not let an older answer replace a newer one', async () => {
    const pending: ((value: { status: number; text(): Promise<string> }) => void)[] = [];
    const monitor = createHealthMonitor({
      fetch: () => new Promise((resolve) => pending.push(resolve)),
      headers: () => ({}),
      onReport: (report) => reported.push(report.ready.status),
    });
    const reported: string[] = [];
    const older = monitor.checkNow();
    const newer = monitor.checkNow();
    const answer = (status: number, body: string) => ({ status, text: () => Promise.resolve(body) });
    // The newer check (calls 3 and 4) answers first.
    pending[2]?.(answer(200, 'Healthy'));
    pending[3]?.(answer(200, 'Healthy'));
    await newer;
    pending[0]?.(answer(503, 'Unhealthy'));
    pending[1]?.(answer(503, 'Unhealthy'));
    await older;
    expect(reported).toEqual(['healthy']);
  });
});
