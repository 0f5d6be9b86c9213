// Frame pacing of the dashboard's views against a running CxLive (a measurement, not a test; see docs/benchmarks.md).
// Usage: node scripts/smoothness.mjs http://127.0.0.1:5080/   (Chromium from CHROMIUM or /usr/bin/chromium)
// For each view: 4 s to settle, then 15 s of requestAnimationFrame gaps and long tasks (> 50 ms) while pushes arrive.
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:5080/';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  for (const [name, hash] of [['live impact', '#/'], ['customers', '#/customers'], ['scorecard', '#/scorecard'], ['alerts', '#/alerts']]) {
    await page.goto(new URL(hash, base).href);
    await page.waitForTimeout(4000);
    const pacing = await page.evaluate(async () => {
      const longTasks = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const gaps = [];
      let last = performance.now();
      const end = last + 15000;
      await new Promise((done) => {
        const tick = (now) => {
          gaps.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else done();
        };
        requestAnimationFrame(tick);
      });
      observer.disconnect();
      gaps.sort((a, b) => a - b);
      const at = (q) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
      return {
        fps: gaps.length / 15,
        p50: at(0.5),
        p99: at(0.99),
        max: gaps[gaps.length - 1],
        longTasks: longTasks.length,
        longTaskMs: longTasks.reduce((a, b) => a + b, 0),
      };
    });
    const f = (n) => n.toFixed(1);
    console.log(`${name}: ${f(pacing.fps)} fps, frame gap p50 ${f(pacing.p50)} ms p99 ${f(pacing.p99)} ms max ${f(pacing.max)} ms, ` +
      `${pacing.longTasks} long tasks (${f(pacing.longTaskMs)} ms)`);
  }
} finally {
  await browser.close();
}
