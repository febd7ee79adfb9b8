/**
 * The report's colours and font stacks, in one place: the chart theme is made from them,
 * and so are the CSS custom properties of the page, print and share stylesheets
 * (page/stylesheets.ts). The templates' CSS only ever says var(--ink), var(--sans)…
 */

/** The colours of the page, in light and dark; print and the share images are always light. */
export const LIGHT = { ink: '#1d2430', muted: '#5b6472', rule: '#d9dde3', accent: '#b8322a', paper: '#ffffff', code: '#f3f4f6' } as const;
export const DARK = { ink: '#e8eaee', muted: '#aab2bf', rule: '#3a4250', accent: '#ff8a7a', paper: '#14181f', code: '#1f2530' } as const;

export type Colors = Readonly<Record<keyof typeof LIGHT, string>>;

export const FONTS = {
  serif: '"Source Serif 4", Georgia, "Times New Roman", serif',
  sans: '"Source Sans 3", "Helvetica Neue", Arial, sans-serif',
  /** The charts' text: the page's sans, and the family's former name, which SVG viewers may have installed. */
  chart: '"Source Sans 3", "Source Sans Pro", "Helvetica Neue", Arial, sans-serif',
} as const;

/** The charts' own colours, on white: gridlines, axes, and the categorical and sequential schemes. */
export const CHART_COLORS = {
  grid: '#e3e6ea',
  axis: '#9aa1ab',
  category: ['#b8322a', '#1f5f8b', '#c0782c', '#3a8f7b', '#7a5c99', '#a8861c', '#5d8fc6', '#a35f48', '#6b7f3a', '#7d8794'],
  sequential: ['#fbe3d6', '#f1a98a', '#d9694a', '#b8322a', '#7d1d18'],
} as const;
