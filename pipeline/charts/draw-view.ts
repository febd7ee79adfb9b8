// One drawing of a spec: vega-lite compiles it, vega runs it headless, at the width the build asks.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { DataLoader } from '../data/load-chart-data.js';
import { firstLine } from '../problems/errors.js';
import { type ChartLocale, chartConfig } from './chart-theme.js';
import { imageUrls } from './image-marks.js';
import { measureTextWidth } from './measure-text.js';
import type { CutLabel } from './wrap-labels.js';

// Lay text out with the report's real font metrics (vega would guess without a canvas).
(vega as unknown as { textMetrics: { width: typeof measureTextWidth } }).textMetrics.width = measureTextWidth;

/** A spec drawn: its SVG and sizes, or what vega-lite or vega had against it. */
export type Drawing =
  | Readonly<{
      svg: string;
      width: number;
      height: number;
      plot: Readonly<{ width: number; height: number }>;
      /** Whether the labels of an axis run into each other. */
      crowded: boolean;
      /** The labels of vertical axes and legends that vega cut at their limit. */
      cut: CutLabel[];
      /** What vega-lite and vega warned of, in their words. */
      warnings: string[];
      /** The URLs its image marks show. */
      images: string[];
    }>
  | Readonly<{ problems: readonly string[]; code: 'chart-spec' | 'chart-render'; error?: unknown }>;

export type DrawOptions = Readonly<{
  loader: DataLoader;
  locale: ChartLocale;
  /** The width the whole drawing should have, plot, axes and legends together; else the spec's own. */
  fitTo?: number;
  /** The plot's height to width, kept as its width changes (a map's). */
  aspect?: number;
  /** Whether legends that share a side of the plot stand one under the other, not side by side. */
  stackLegends?: boolean;
  /** Whether the build sets the width only when the spec's own makes the drawing wider than `fitTo`. */
  onlyShrink?: boolean;
}>;

const STACKED = { direction: 'vertical', anchor: 'start' } as const;

/**
 * Compiles, parses and runs the spec once; to fit a width, the same view runs again with a
 * narrower or wider plot (no second parse), at most twice: axes and legends take what they need.
 */
export async function drawView(spec: Record<string, unknown>, options: DrawOptions): Promise<Drawing> {
  let view: vega.View;
  const problems: string[] = [];
  const warnings: string[] = [];
  const logger = collectingLogger(problems, warnings);
  try {
    const vegaSpec = compile(spec as unknown as TopLevelSpec, { config: chartConfig, logger }).spec as vega.Spec;
    // vega-lite does not pass legend layouts on: they go into vega's config.
    if (options.stackLegends) {
      const legend = { ...vegaSpec.config?.legend, layout: { bottom: STACKED, top: STACKED } };
      vegaSpec.config = { ...vegaSpec.config, legend } as vega.Config;
    }
    view = new vega.View(vega.parse(vegaSpec), {
      renderer: 'none',
      loader: options.loader as unknown as vega.Loader,
      logger,
      logLevel: vega.Warn,
      locale: options.locale,
    } as unknown as vega.ViewOptions);
  } catch (error) {
    return { problems: [`invalid Vega-Lite spec: ${firstLine(error)}`], code: 'chart-spec', error };
  }
  try {
    await view.runAsync();
    if (options.fitTo !== undefined) await fit(view, options.fitTo, options);
    if (problems.length > 0) return { problems, code: 'chart-render' };
    vega.resetSVGDefIds();
    const svg = await view.toSVG();
    return {
      svg,
      ...totalSize(view),
      plot: { width: view.width(), height: view.height() },
      crowded: crowdedLabels(view),
      cut: cutLabels(root(view)),
      warnings,
      images: imageUrls(root(view)),
    };
  } catch (error) {
    return { problems: [firstLine(error)], code: 'chart-render', error };
  } finally {
    view.finalize();
  }
}

async function fit(view: vega.View, target: number, options: DrawOptions): Promise<void> {
  const start = totalSize(view).width;
  if (options.onlyShrink && start <= target) return;
  for (let tries = 0; tries < 3; tries++) {
    const excess = totalSize(view).width - target;
    if (excess <= 0 && excess > -6) return;
    const width = Math.max(60, Math.round(view.width() - excess));
    if (width === view.width()) return;
    view.width(width);
    if (options.aspect) view.height(Math.round(width * options.aspect));
    await view.runAsync();
  }
}

/** vega's scenegraph: marks (with a role) hold items, and group items hold marks. */
type SceneItem = {
  role?: string;
  items?: SceneItem[];
  bounds?: { x1: number; x2: number; y1: number; y2: number };
  datum?: { scale?: string };
  text?: unknown;
  fontSize?: number;
  limit?: number;
};

const root = (view: vega.View) => (view.scenegraph() as unknown as { root: SceneItem }).root;

/** The labels of vertical axes (of a y scale) and of legends wider than their limit, which vega cuts with "…". */
function cutLabels(node: SceneItem, vertical = false): CutLabel[] {
  const where = node.role === 'legend-label' ? 'legend' : node.role === 'axis-label' && vertical ? 'axis' : undefined;
  if (where) {
    return (node.items ?? []).flatMap((item) => {
      const text = String(item.text ?? '');
      const fontSize = item.fontSize ?? 12;
      const limit = item.limit ?? 0;
      return limit > 0 && /[ -]/.test(text) && measureTextWidth({ fontSize }, text) > limit ? [{ text, fontSize, limit, where }] : [];
    });
  }
  const side = node.role === 'axis' ? /(^|_)y$/.test(node.items?.[0]?.datum?.scale ?? '') : vertical;
  return (node.items ?? []).flatMap((child) => cutLabels(child, side));
}

/**
 * Whether two labels of an axis of categories overlap: vega keeps every label of a band or
 * point scale, however narrow its bands (a continuous axis drops labels that would overlap).
 */
function crowdedLabels(view: vega.View): boolean {
  const discrete = (name: string | undefined) => {
    try {
      return name !== undefined && ['band', 'point'].includes((view.scale(name) as { type?: string }).type ?? '');
    } catch {
      return false; // a scale of a nested view, not reachable by name from the top
    }
  };
  const visit = (node: SceneItem, categories: boolean): boolean => {
    if (node.role === 'axis-label' && categories) {
      const boxes = (node.items ?? []).flatMap((item) => (item.bounds ? [item.bounds] : [])).sort((a, b) => a.x1 - b.x1);
      return boxes.some((box, index) => index > 0 && box.x1 < boxes[index - 1]!.x2 - 1 && box.y1 < boxes[index - 1]!.y2 && box.y2 > boxes[index - 1]!.y1);
    }
    const inside = node.role === 'axis' ? discrete(node.items?.[0]?.datum?.scale) : categories;
    return (node.items ?? []).some((child) => visit(child, inside));
  };
  return visit(root(view), false);
}

function totalSize(view: vega.View): { width: number; height: number } {
  const inner = view as unknown as { _viewWidth: number; _viewHeight: number };
  const padding = view.padding() as { left: number; right: number; top: number; bottom: number };
  return { width: Math.ceil(inner._viewWidth + padding.left + padding.right), height: Math.ceil(inner._viewHeight + padding.top + padding.bottom) };
}

/** A logger for vega-lite and vega that keeps their errors and their warnings apart. */
function collectingLogger(problems: string[], warnings: string[]) {
  let level = vega.Warn;
  const record =
    (into: string[]) =>
    (...args: unknown[]) => {
      into.push(args.map(String).join(' '));
      return logger;
    };
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error: record(problems),
    warn: record(warnings),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}
