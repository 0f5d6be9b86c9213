/** Bodies for the api as senders write them (API.md). */

export interface TelemetryEvent {
  readonly customerId: string;
  readonly touchpoint: string;
  readonly timestamp: string;
  readonly latencyMs: number;
  readonly success: boolean;
}

/** `total` interactions spread over the last minute, the first `errors` of them failed: enough for a "disrupted" verdict. */
export function lastMinute(customerId: string, touchpoint: string, total: number, errors: number, now = Date.now()): TelemetryEvent[] {
  return Array.from({ length: total }, (_, i) => ({
    customerId,
    touchpoint,
    timestamp: new Date(now - (55_000 * i) / total).toISOString(),
    latencyMs: 100,
    success: i >= errors,
  }));
}

export async function send(baseUrl: string, method: 'POST' | 'PUT', path: string, body: unknown, key?: string): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key !== undefined) {
    headers['Authorization'] = `Bearer ${key}`;
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}
