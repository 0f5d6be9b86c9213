/**
 * The machine's Chromium driven by playwright-core (which downloads nothing).
 * Debian's package is installed when missing, as root, the first time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function ensureChromium(): void {
  if (existsSync(chromiumPath)) {
    return;
  }
  const apt = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execFileSync('apt-get', ['update'], apt);
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], apt);
  if (!existsSync(chromiumPath)) {
    throw new Error(`chromium is still missing at ${chromiumPath} after apt-get install`);
  }
}

export async function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}
