/**
 * Experience x revenue scatter with the four quadrant regions, drawn by
 * ECharts (only the parts used are imported, so the rest is shaken out).
 * The lines between regions are the ones the server's scorer applies
 * (overview.quadrantLines); without them no regions are drawn.
 */
import { ScatterChart, type ScatterSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  MarkAreaComponent,
  type MarkAreaComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { CustomerSummary, Quadrant, QuadrantLines } from '../api/types';
import { quadrantStyle } from './quadrantStyle';
import { customerLabel } from '../store/customers';
import { formatMoney, formatScore } from '../format';

use([ScatterChart, GridComponent, TooltipComponent, MarkAreaComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

type Option = ComposeOption<ScatterSeriesOption | GridComponentOption | TooltipComponentOption | MarkAreaComponentOption | MarkLineComponentOption | AriaComponentOption>;

const seriesOrder: readonly (Quadrant | 'none')[] = ['model', 'growth', 'at-risk', 'dangling', 'none'];

/** Revenue below this (or unknown) sits on the floor of the log axis. */
export const revenueFloor = 1_000;

/** [score, revenue on the axis, id, name, real revenue] */
type Point = [number, number, string, string, number | null];

export interface ScatterChartView {
  update(customers: Iterable<CustomerSummary>, lines: QuadrantLines | null | undefined): void;
  resize(): void;
  destroy(): void;
}

export function createScatter(container: HTMLElement, onPick: (customerId: string) => void): ScatterChartView {
  const chart: ECharts = init(container, undefined, { renderer: 'canvas' });
  let linesKey = '';
  chart.setOption(baseOption());
  chart.on('click', (event) => {
    const value: unknown = event.value;
    if (Array.isArray(value) && typeof value[2] === 'string') {
      onPick(value[2]);
    }
  });

  return {
    update(customers, lines) {
      const groups = new Map<Quadrant | 'none', Point[]>(seriesOrder.map((key) => [key, []]));
      let highest = Math.max(10 * revenueFloor, lines?.revenueThreshold ?? 0);
      for (const customer of customers) {
        if (customer.experienceScore === null || customer.experienceScore === undefined) {
          continue;
        }
        const revenue = customer.annualRevenue ?? null;
        highest = Math.max(highest, revenue ?? 0);
        groups.get(customer.quadrant ?? 'none')?.push([
          customer.experienceScore,
          Math.max(revenueFloor, revenue ?? 0),
          customer.customerId,
          customerLabel(customer),
          revenue,
        ]);
      }
      const option: Option = {
        series: seriesOrder.map((key) => ({ id: key, data: groups.get(key) ?? [] })),
      };
      // The log axis ends at the power of ten above the largest revenue, so the regions can be drawn to its edge.
      const top = 10 ** Math.ceil(Math.log10(highest * 1.01));
      const key = lines ? `${lines.goodScore}:${lines.revenueThreshold}:${top}` : `none:${top}`;
      if (key !== linesKey) {
        linesKey = key;
        option.yAxis = { max: top };
        option.series = (option.series as ScatterSeriesOption[]).map((series, index) =>
          index === 0 ? { ...series, markArea: regions(lines, top), markLine: dividers(lines) } : series,
        );
      }
      chart.setOption(option);
      container.dataset['points'] = String(seriesOrder.reduce((sum, key) => sum + (groups.get(key)?.length ?? 0), 0));
    },
    resize() {
      chart.resize();
    },
    destroy() {
      chart.dispose();
    },
  };
}

function baseOption(): Option {
  return {
    // Points appear at once and then glide when a customer's score or revenue moves.
    animationDuration: 0,
    animationDurationUpdate: 300,
    aria: { enabled: true, decal: { show: false } },
    grid: { left: 64, right: 56, top: 24, bottom: 40 },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const value: unknown = Array.isArray(params) ? undefined : params.value;
        if (!Array.isArray(value)) {
          return '';
        }
        const [score, , id, name, revenue] = value as Point;
        return `${escapeHtml(name)} (${escapeHtml(id)})<br>score ${formatScore(score)} · ${revenue === null ? 'revenue unknown' : formatMoney(revenue)}`;
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, name: 'experience score', nameLocation: 'middle', nameGap: 26 },
    yAxis: {
      type: 'log',
      min: revenueFloor,
      name: 'annual revenue',
      nameLocation: 'middle',
      nameGap: 48,
      axisLabel: { formatter: (value: number) => formatMoney(value) },
    },
    series: seriesOrder.map((key) => ({
      id: key,
      name: quadrantStyle[key].label,
      type: 'scatter',
      symbol: quadrantStyle[key].symbol,
      symbolSize: 8,
      itemStyle: { color: quadrantStyle[key].color, opacity: 0.85 },
      emphasis: { scale: 1.6 },
      data: [],
    })),
  };
}

function regions(lines: QuadrantLines | null | undefined, top: number): MarkAreaComponentOption {
  if (!lines) {
    return { data: [] };
  }
  const x = lines.goodScore;
  const y = Math.max(revenueFloor, lines.revenueThreshold);
  const area = (name: string, color: string, upper: boolean, x0: number, y0: number, x1: number, y1: number) =>
    [
      {
        name,
        xAxis: x0,
        yAxis: y0,
        itemStyle: { color, opacity: 0.08 },
        label: { color: '#44474e', fontWeight: 'bold' as const, position: upper ? ('insideTop' as const) : ('insideBottom' as const) },
      },
      { xAxis: x1, yAxis: y1 },
    ] as const;
  return {
    silent: true,
    data: [
      area('At-Risk', '#b3261e', true, 0, y, x, top),
      area('Model', '#17692c', true, x, y, 100, top),
      area('Dangling', '#8a5200', false, 0, revenueFloor, x, y),
      area('Growth', '#0b57d0', false, x, revenueFloor, 100, y),
    ] as unknown as NonNullable<MarkAreaComponentOption['data']>,
  };
}

function dividers(lines: QuadrantLines | null | undefined): MarkLineComponentOption {
  if (!lines) {
    return { data: [] };
  }
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color: '#44474e', type: 'dashed' },
    label: { formatter: (params) => (params.name ?? '') },
    data: [
      { name: `score ${formatScore(lines.goodScore)}`, xAxis: lines.goodScore },
      { name: formatMoney(lines.revenueThreshold), yAxis: Math.max(revenueFloor, lines.revenueThreshold) },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
