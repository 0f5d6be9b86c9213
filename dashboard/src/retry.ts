/** Waits between reconnect tries, in ms: quick at first, then every 30 s, forever. */
const steps: readonly number[] = [0, 1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Delay before the next try after `previousRetryCount` failed ones. Never gives
 * up: a dashboard on a wall should come back by itself when the server does.
 * Up to 20 % jitter keeps many dashboards from reconnecting in lock step.
 */
export function reconnectDelayMs(previousRetryCount: number, random: () => number = Math.random): number {
  const index = Math.min(Math.max(0, Math.floor(previousRetryCount)), steps.length - 1);
  const base = steps[index] ?? 30_000;
  return Math.round(base * (1 + 0.2 * random()));
}
