/** How quadrants look everywhere (chart, table, badges). */
import type { Quadrant } from '../api/types';

/** Colour and shape per quadrant: the shape tells them apart without colour. */
export const quadrantStyle: Readonly<Record<Quadrant | 'none', { readonly color: string; readonly symbol: string; readonly label: string }>> = {
  model: { color: '#17692c', symbol: 'circle', label: 'Model' },
  growth: { color: '#0b57d0', symbol: 'diamond', label: 'Growth' },
  'at-risk': { color: '#b3261e', symbol: 'triangle', label: 'At-Risk' },
  dangling: { color: '#8a5200', symbol: 'rect', label: 'Dangling' },
  none: { color: '#6b7078', symbol: 'emptyCircle', label: 'Not judged yet' },
};
