// A chart's spec for a phone: legends under the plot, titles wrapped, text never under 12 px; and
// the author's say (`"usermeta": {"phone": false | {…}}`).
import { isRecord, walkSpec } from '../data/load-chart-data.js';
import { chartConfig } from './chart-theme.js';
import { measureTextWidth } from './measure-text.js';
import { MIN_FONT_SIZE, PHONE_LABEL_ROOM, PHONE_WIDTH } from './sizes.js';

type Spec = Record<string, unknown>;

/** Whether the chart gets a phone drawing, and the author's changes to it. */
export type PhoneOption = Readonly<{ draw: false }> | Readonly<{ draw: true; overrides: Spec | undefined }>;

/**
 * `"usermeta": {"phone": false}` keeps one drawing at every width; `"usermeta": {"phone": {…}}`
 * is merged over the spec for the phone drawing (objects merged, anything else replaced).
 */
export function phoneOption(spec: Spec): PhoneOption {
  const usermeta = spec.usermeta;
  const phone = isRecord(usermeta) ? usermeta.phone : undefined;
  if (phone === false) return { draw: false };
  return { draw: true, overrides: isRecord(phone) ? phone : undefined };
}

/**
 * The spec as the build draws it, at every width: every font size it sets raised to the
 * minimum, so that text stays readable when drawn small, and each band of a `height` in steps
 * at least as tall as a label of that size; each line and area given points,
 * drawn only when a reader points at one, that carry a value each; and number formats
 * without a precision trimmed ("%" shows 58 %, not 58.000000 %).
 */
export function readableSpec(spec: Spec): Spec {
  return mapObjects(spec, (key, value) => {
    if (/fontsize$/i.test(key) && typeof value === 'number' && value < MIN_FONT_SIZE) return MIN_FONT_SIZE;
    // Rows of categories as tall as their labels, once the labels are raised to the minimum.
    if (key === 'height' && isRecord(value) && typeof value.step === 'number' && value.step < MIN_STEP) return { ...value, step: MIN_STEP };
    if (key === 'mark') return withPoints(value);
    if (key === 'format' && typeof value === 'string') return value.replace(UNTRIMMED_NUMBER_FORMAT, '$1~$2');
    return value;
  });
}

/** The least height of a band of categories: a label of the least size, and room between two. */
const MIN_STEP = MIN_FONT_SIZE + 2;

/** A d3 number format with no precision and no "~": its type shows six decimals. */
const UNTRIMMED_NUMBER_FORMAT = /^((?:.?[<>=^])?[-+( ]?[$#]?0?\d*,?)([efgrs%])$/;

function withPoints(mark: unknown): unknown {
  const type = typeof mark === 'string' ? mark : isRecord(mark) ? mark.type : undefined;
  if (type !== 'line' && type !== 'area' && type !== 'trail') return mark;
  const def = isRecord(mark) ? mark : { type };
  return def.point === undefined ? { ...def, point: { opacity: 0, size: 80 } } : def;
}

/** How wide a view of several is drawn on a phone, beside its axis's labels, unless it says narrower. */
export const PHONE_VIEW_WIDTH = PHONE_WIDTH - 90;

/**
 * The spec redrawn for a phone: legends below the plot, the title and subtitle wrapped to the
 * width, and views side by side stacked, each `viewWidth` wide at most.
 */
export function phoneSpec(spec: Spec, overrides: Spec | undefined, viewWidth = PHONE_VIEW_WIDTH): Spec {
  const phone = mapObjects(spec, (key, value) => (key === 'legend' && isRecord(value) ? narrowLegend(value) : value));
  const config = isRecord(phone.config) ? phone.config : {};
  const legend = isRecord(config.legend) ? config.legend : {};
  phone.config = {
    ...config,
    legend: {
      ...legend,
      orient: sideways(legend.orient) ? 'bottom' : (legend.orient ?? 'bottom'),
      labelLimit: PHONE_WIDTH / 2 - 30,
      columns: legend.columns ?? 2,
    },
    // A category label wider than this is written on lines (wrap-labels.ts), not given the plot's room.
    axis: { labelLimit: PHONE_LABEL_ROOM, ...(isRecord(config.axis) ? config.axis : {}) },
  };
  if (phone.title !== undefined) phone.title = wrapTitle(phone.title);
  delete phone.usermeta;
  if (!hasOnePlot(phone)) stackViews(phone, viewWidth);
  return readableSpec(overrides ? merge(phone, overrides) : phone);
}

/** The spec with the labels of its x axes aslant: category labels that ran into each other on a phone. */
export function aslantLabels(spec: Spec): Spec {
  const aslant = mapObjects(spec, (key, value) => {
    if (key !== 'encoding' || !isRecord(value) || !isRecord(value.x) || value.x.axis === null) return value;
    return { ...value, x: { ...value.x, axis: { ...(isRecord(value.x.axis) ? value.x.axis : {}), labelAngle: -40 } } };
  });
  const config = isRecord(aslant.config) ? aslant.config : {};
  return { ...aslant, config: { ...config, axisX: { ...(isRecord(config.axisX) ? config.axisX : {}), labelAngle: -40 } } };
}

/**
 * Views side by side stand one under the other on a phone: a horizontal concatenation becomes
 * vertical, facets and repeats go in one column, and each view is made no wider than a phone:
 * `width` wide where it set none (vega-lite's default, or its bands, would be wider), or set more.
 */
function stackViews(spec: Spec, width: number): void {
  if (Array.isArray(spec.hconcat)) {
    spec.vconcat = spec.hconcat;
    delete spec.hconcat;
  }
  if ('columns' in spec) spec.columns = 1;
  const narrow = (view: unknown, inLayer = false) => {
    if (!isRecord(view)) return;
    if (typeof view.width === 'number') view.width = Math.min(view.width, width);
    // A layer's views take the layer's width.
    else if (view.width === undefined && !inLayer && ('mark' in view || 'layer' in view)) view.width = width;
    for (const key of ['hconcat', 'vconcat', 'concat']) for (const child of Array.isArray(view[key]) ? view[key] : []) narrow(child);
    for (const child of Array.isArray(view.layer) ? view.layer : []) narrow(child, true);
    narrow(view.spec);
  };
  for (const key of ['vconcat', 'concat']) for (const view of Array.isArray(spec[key]) ? spec[key] : []) narrow(view);
  narrow(spec.spec);
}

/** Whether the spec is one plot (a unit or a layer), whose width the build can set. */
export function hasOnePlot(spec: Spec): boolean {
  return !['hconcat', 'vconcat', 'concat', 'facet', 'repeat'].some((key) => key in spec);
}

/** Whether any view of the spec is a map (its height then follows its width). */
export function isMap(spec: Spec): boolean {
  let found = false;
  walkSpec(spec, (key) => {
    if (key === 'projection') found = true;
  });
  return found;
}

function narrowLegend(legend: Spec): Spec {
  const narrow: Spec = { ...legend };
  if (sideways(legend.orient)) narrow.orient = 'bottom';
  if (typeof legend.columns === 'number') narrow.columns = Math.min(legend.columns, 2);
  // A colour ramp starts under the plot, after the axis's labels: half a phone leaves them room.
  if (typeof legend.gradientLength === 'number') narrow.gradientLength = Math.min(legend.gradientLength, PHONE_WIDTH / 2);
  return narrow;
}

function sideways(orient: unknown): boolean {
  return orient === 'left' || orient === 'right';
}

/** A title's lines leave a tenth of the drawing free: a browser may set them a little wider than measured, and vega does not count a title in the drawing's width. */
const TITLE_ROOM = Math.round((PHONE_WIDTH - 2 * 4) * 0.9);

/** A title's text and subtitle broken into lines that fit the phone drawing (vega draws an array as lines). */
function wrapTitle(title: unknown): unknown {
  const theme = chartConfig.title ?? {};
  if (typeof title === 'string' || Array.isArray(title)) return wrapTitle({ text: title });
  if (!isRecord(title)) return title;
  const size = (value: unknown, fallback: unknown) => (typeof value === 'number' ? value : Number(fallback));
  const font = { fontSize: size(title.fontSize, theme.fontSize), fontWeight: (title.fontWeight ?? theme.fontWeight) as number };
  const subfont = { fontSize: size(title.subtitleFontSize, theme.subtitleFontSize), fontWeight: 400 };
  return {
    ...title,
    text: wrapText(title.text, font),
    ...(title.subtitle !== undefined ? { subtitle: wrapText(title.subtitle, subfont) } : {}),
  };
}

function wrapText(text: unknown, font: { fontSize: number; fontWeight: number }): unknown {
  if (typeof text !== 'string' && !Array.isArray(text)) return text;
  const lines = (Array.isArray(text) ? text.map(String) : [text]).flatMap((line) => wrapLine(line, font));
  return lines.length === 1 ? lines[0] : lines;
}

function wrapLine(line: string, font: { fontSize: number; fontWeight: number }): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(/ +/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && measureTextWidth(font, candidate) > TITLE_ROOM) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}

/** A deep copy of `value` in which each object's entries went through `change`. */
function mapObjects<T>(value: T, change: (key: string, value: unknown) => unknown): T {
  if (Array.isArray(value)) return value.map((item) => mapObjects(item, change)) as T;
  if (!isRecord(value)) return value;
  const copy: Spec = {};
  for (const [key, child] of Object.entries(value)) copy[key] = change(key, mapObjects(child, change));
  return copy as T;
}

function merge(base: Spec, over: Spec): Spec {
  const merged: Spec = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = isRecord(value) && isRecord(base[key]) ? merge(base[key], value) : value;
  return merged;
}
