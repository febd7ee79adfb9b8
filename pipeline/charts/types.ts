// The types the chart modules share.
import type { Element } from 'hast';
import type { VFile } from 'vfile';
import type { ChartData, DataLoader } from '../data/load-chart-data.js';
import type { Fence } from './fence-place.js';
import type { ChartImage } from './image-marks.js';
import type { ChartWarning } from './vega-warnings.js';

/** The types the chart modules share: what a rendered chart is, and what rendering needs. */

export type { ChartData };

export type RenderedChart = Readonly<{
  id: string;
  index: number;
  /** The chart's accessible name: its title, else a localized "Chart N". */
  title: string;
  /**
   * What the chart shows: a sentence computed from its data, then the spec's own
   * `description`. The caption, the SVG's <desc> and the share image's alt text.
   */
  description: string | undefined;
  /** The chart's own data file, shown as a table under the chart and published with the page. */
  data: ChartData | undefined;
  /** The chart as a hast `<svg role="img">`, ready to be placed in a page. */
  svg: Element;
  /** The chart drawn again for a phone's width; none when the first drawing fits a phone or the spec opts out. */
  phone?: Element | undefined;
  /** The same chart as a standalone SVG file. */
  file: string;
  /** The files its image marks show, published in assets/. */
  images: readonly ChartImage[];
}>;

/**
 * A chart as drawn, whether its spec had no title of its own (readers then hear "Chart N"),
 * and what vega-lite and vega warned of: told again each time the chart comes from the cache.
 */
export type DrawnChart = Readonly<{ chart: RenderedChart; untitled: boolean; warnings: readonly ChartWarning[] }>;

/**
 * Charts drawn before, by a hash of everything that makes them: the fence, its id and
 * place, the language, the bytes of every data file it reads, and the code that draws it.
 */
export type ChartCache = Readonly<{
  get(key: string): Promise<DrawnChart | undefined>;
  set(key: string, value: DrawnChart): Promise<void>;
}>;

export type ChartDrawer = Readonly<{
  /**
   * Checks a chart's spec, and draws it when its data is sound too, in the thread; the
   * problems found are recorded on `context.article`. One chart at a time, in the order
   * asked. When `context.signal` aborts, the thread is ended (the next chart starts another) and the drawing rejected.
   */
  draw(spec: Record<string, unknown>, chart: Fence, dataIsSound: boolean, context: DrawContext): Promise<DrawnChart | undefined>;
  /** Ends the thread. */
  close(): Promise<void>;
}>;

export type DrawContext = Readonly<{ contentDir: string; lang: string; article: VFile; signal?: AbortSignal | undefined }>;

export type ChartContext = Readonly<{
  cache?: ChartCache;
  contentDir: string;
  lang: string;
  /** article.md: chart problems are reported at the fence's lines. */
  article: VFile;
  /** Data files that charts read get their own VFile, so CSV problems name the CSV. */
  dataFile: (url: string) => VFile;
  /** The build's one reader of the content folder's data (each file read once); else one of the charts' own. */
  loader?: DataLoader;
  /** Aborted when the build's time is up: a drawing under way is stopped. */
  signal?: AbortSignal;
  /** A drawing thread kept across builds (a dev server's); else the charts get one of their own, ended with them. */
  drawer?: ChartDrawer;
}>;
