/** How numbers read on the dashboard. `—` stands for "nothing to show" everywhere. */

export const none = '—';

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** $2.3M, $653k, $950; one decimal below 10 of a unit, none above. */
export function formatMoney(value: number | null | undefined): string {
  if (!finite(value)) {
    return none;
  }
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const units: readonly [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of units) {
    if (abs >= size * 0.9995) {
      const scaled = abs / size;
      const text = scaled < 9.95 ? trimZero(scaled.toFixed(1)) : Math.round(scaled).toString();
      return `${sign}$${text}${suffix}`;
    }
  }
  return `${sign}$${Math.round(abs)}`;
}

/** A ratio (0..1) as a percentage: 0.9955 -> "99.55%" with 2 digits, "99.6%" with 1. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (!finite(ratio)) {
    return none;
  }
  return `${trimZero((ratio * 100).toFixed(digits))}%`;
}

/** Availability needs more digits near 100%: 99.95% is not 100%. */
export function formatAvailability(ratio: number | null | undefined): string {
  if (!finite(ratio)) {
    return none;
  }
  if (ratio >= 1) {
    return '100%';
  }
  // Never round up to 100%: a miss must stay visible.
  const digits = ratio >= 0.999 ? 3 : 2;
  const factor = 10 ** (digits + 2);
  const floored = Math.floor(ratio * factor) / factor;
  return `${trimZero((floored * 100).toFixed(digits))}%`;
}

/** Percentage points, signed: +1.2 pt, -0.4 pt. */
export function formatPoints(ratioDifference: number | null | undefined): string {
  if (!finite(ratioDifference)) {
    return none;
  }
  const points = ratioDifference * 100;
  const text = trimZero(Math.abs(points).toFixed(Math.abs(points) < 1 ? 2 : 1));
  if (text === '0') {
    return '0 pt';
  }
  return `${points > 0 ? '+' : '-'}${text} pt`;
}

/** 45 s, 3 min, 2 h 5 min, 1 d 3 h. */
export function formatDuration(ms: number | null | undefined): string {
  if (!finite(ms)) {
    return none;
  }
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest === 0 ? `${days} d` : `${days} d ${rest} h`;
}

/** How long since an RFC 3339 time, e.g. "for 3 min". */
export function formatSince(iso: string | null | undefined, now: number): string {
  const at = parseTime(iso);
  return at === undefined ? none : formatDuration(now - at);
}

/** 180 ms, 1.2 s. */
export function formatLatency(ms: number | null | undefined): string {
  if (!finite(ms)) {
    return none;
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  return `${trimZero((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`;
}

/** 2,000 */
export function formatCount(value: number | null | undefined): string {
  return finite(value) ? Math.round(value).toLocaleString('en-US') : none;
}

/** Experience score, one decimal: 64.5 */
export function formatScore(value: number | null | undefined): string {
  return finite(value) ? trimZero(value.toFixed(1)) : none;
}

/** Signed points for score explanations: -10.7, +2 */
export function formatSignedPoints(value: number): string {
  const text = trimZero(Math.abs(value).toFixed(1));
  return value < 0 ? `-${text}` : `+${text}`;
}

/** 14:03:05 in the viewer's time zone (24 h). */
export function formatClock(iso: string | null | undefined): string {
  const at = parseTime(iso);
  if (at === undefined) {
    return none;
  }
  const date = new Date(at);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => part.toString().padStart(2, '0')).join(':');
}

/** 2026-11-26 14:03 in the viewer's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  const at = parseTime(iso);
  if (at === undefined) {
    return none;
  }
  const date = new Date(at);
  const pad = (part: number): string => part.toString().padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function parseTime(iso: string | null | undefined): number | undefined {
  if (typeof iso !== 'string') {
    return undefined;
  }
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : at;
}

/** "1 customer", "20 customers" */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * The number uptime hides, as one sentence:
 * "availability 99.6% - 20 customers, $2.3M annual revenue, disrupted".
 */
export function hiddenDisruptionSentence(availability: number, customersDisrupted: number, revenueDisrupted: number): string {
  return `availability ${formatAvailability(availability)} - ${plural(customersDisrupted, 'customer')}, ${formatMoney(revenueDisrupted)} annual revenue, disrupted`;
}

function trimZero(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
