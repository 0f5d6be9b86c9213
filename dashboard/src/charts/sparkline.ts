/** A small trend line drawn by uPlot; the numbers it shows are also in the table beside it. */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Sparkline {
  set(times: readonly number[], values: readonly (number | null)[]): void;
  destroy(): void;
}

export function createSparkline(container: HTMLElement, options: { color: string; width?: number; height?: number; min?: number; max?: number }): Sparkline {
  const width = options.width ?? 120;
  const height = options.height ?? 32;
  const plot = new uPlot(
    {
      width,
      height,
      pxAlign: false,
      cursor: { show: false },
      legend: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      axes: [{ show: false }, { show: false }],
      scales: {
        x: { time: false },
        y: {
          range: (_u, min, max) => {
            const low = options.min !== undefined ? Math.min(options.min, min) : min;
            const high = options.max !== undefined ? Math.max(options.max, max) : max;
            return low === high ? [low - 1, high + 1] : [low, high];
          },
        },
      },
      series: [{}, { stroke: options.color, width: 1.5, fill: `${options.color}22`, points: { show: false } }],
    },
    [[], []],
    container,
  );
  let lastKey = '';
  return {
    set(times, values) {
      // Redraw only when the data moved: the same trend twice costs nothing.
      const key = `${times.length}:${times[times.length - 1] ?? ''}:${values[values.length - 1] ?? ''}`;
      if (key === lastKey) {
        return;
      }
      lastKey = key;
      plot.setData([Array.from(times), Array.from(values)]);
    },
    destroy() {
      plot.destroy();
    },
  };
}
