// What vega-lite and vega warn of while a chart is drawn, told in the author's words: a table
// decides which warnings are worth telling at all, and how.

/** A warning of vega-lite or vega, as the build tells it at the chart's fence; `detail` is the library's own text (`--verbose`). */
export type ChartWarning = Readonly<{ reason: string; detail: string }>;

type Rule = Readonly<{
  pattern: RegExp;
  /** What the author reads, from the pattern's match; none: the warning is not worth telling. */
  say?: (match: RegExpExecArray) => string;
}>;

/**
 * The warnings a chart's author gets, first match wins. A printed chart is its initial state:
 * what only interaction would use (the window's events, a brush's store) is not a problem.
 */
const RULES: readonly Rule[] = [
  // An interactive spec listens to the window or the document, which a drawing has not.
  { pattern: /^Can not resolve event source: / },
  // Layers that share a sorted axis (bars and their labels): vega-lite's internal union of their
  // domains, with the order drawn as the preview shows it.
  { pattern: /^Domains that should be unioned has conflicting sort properties/ },
  // vega-lite's own fields (a count's "__count"): the author's field it derives from is told.
  { pattern: /^Infinite extent for field "__/ },
  {
    // A stacked or binned field's bounds are named after it.
    pattern: /^Infinite extent for field "(.+?)(?:_start|_end)?"/,
    say: ([, field]) => `field "${field}" has no number to draw (it is empty, or the filters leave no row): its axis or legend is drawn without values`,
  },
  { pattern: /^Symbol legend count exceeds limit/, say: () => 'the legend has more entries than it can show: only the first ones are drawn' },
  {
    pattern: /^Dropping (.+?) from channel "([^"]+)" since it does not contain any data field, datum, value, or signal/,
    say: ([, , channel]) => `the "${channel}" channel has no field, datum or value: it is left out`,
  },
  { pattern: /^(.+?) dropped as it is incompatible with "(\w+)"/, say: ([, what, mark]) => `${what} has no effect on a "${mark}" mark: it is left out` },
];

/** A warning of vega-lite or vega as the author is told it; undefined when it is not worth telling. */
export function chartWarning(text: string): ChartWarning | undefined {
  const detail = text.replace(/^WARN\s+/, '').trim();
  for (const { pattern, say } of RULES) {
    const match = pattern.exec(detail);
    if (match) return say ? { reason: say(match), detail } : undefined;
  }
  return { reason: `vega-lite warns: ${detail}`, detail };
}

/** The warnings of a chart's drawings (the column's and the phone's), each told once. */
export function chartWarnings(texts: Iterable<string>): ChartWarning[] {
  const told = new Map<string, ChartWarning>();
  for (const text of texts) {
    const warning = chartWarning(text);
    if (warning && !told.has(warning.reason)) told.set(warning.reason, warning);
  }
  return [...told.values()];
}
