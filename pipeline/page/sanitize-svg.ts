// An SVG image of the content sanitized with DOMPurify, and what it held that could run or reach
// out.
import { createRequire } from 'node:module';
import type { DOMPurify as Purifier } from 'dompurify';

/**
 * An SVG image of the content, made safe to publish on the site's own origin: DOMPurify (on
 * jsdom's DOM) keeps only SVG elements and attributes, and a hook drops every reference out
 * of the image. What it had that could run or reach out is listed: the caller refuses such
 * an image. Metadata of drawing programs (Inkscape's, Illustrator's) is dropped silently.
 */
export type SanitizedSvg = Readonly<{ svg: string; dangers: readonly string[] }> | Readonly<{ svg?: undefined; dangers: readonly string[] }>;

/** Elements that run, embed or reach out: an image that has them is refused, not cleaned. */
const DANGEROUS_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'handler', 'listener', 'audio', 'video']);
/** A reference that stays inside the image: a fragment, or an embedded raster. */
const INTERNAL = /^\s*(#|data:image\/(png|jpeg|gif|webp|avif);base64,)/i;
/** A CSS url() or @import that points out of the image (spaces inside the lookahead: no backtracking past them). */
const EXTERNAL_CSS = /@import|url\((?!\s*['"]?\s*#)/i;

type Sanitizer = Readonly<{ purifier: Purifier; serializer: XMLSerializer }>;
let sanitizer: Sanitizer | undefined;

/** Loaded on the first SVG image: jsdom takes a few hundred milliseconds to load. */
function loadSanitizer(): Sanitizer {
  const require = createRequire(import.meta.url);
  const { JSDOM } = require('jsdom') as typeof import('jsdom');
  const createPurifier = require('dompurify') as (window: unknown) => Purifier;
  const { window } = new JSDOM('');
  return { purifier: createPurifier(window), serializer: new window.XMLSerializer() };
}

export function sanitizeSvg(text: string): SanitizedSvg {
  if (/<!ENTITY/i.test(text)) return { dangers: ['an XML entity declaration (<!ENTITY>)'] };
  sanitizer ??= loadSanitizer();
  const { purifier, serializer } = sanitizer;
  const dangers = new Set<string>();
  purifier.addHook('uponSanitizeElement', (node, data) => {
    const name = data.tagName.toLowerCase();
    if (DANGEROUS_ELEMENTS.has(name)) dangers.add(`a <${name === 'foreignobject' ? 'foreignObject' : name}> element`);
    if (name === 'style' && EXTERNAL_CSS.test(node.textContent ?? '')) {
      dangers.add('a stylesheet that loads from outside the image');
      node.textContent = '';
    }
  });
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    if (name.startsWith('on')) {
      dangers.add(`an event handler (${data.attrName})`);
      data.keepAttr = false;
    } else if ((name === 'href' || name === 'xlink:href' || name === 'src') && !INTERNAL.test(data.attrValue)) {
      dangers.add(`a reference out of the image (${data.attrValue.trim().slice(0, 60)})`);
      data.keepAttr = false;
    } else if (EXTERNAL_CSS.test(data.attrValue)) {
      // A style, or a presentation attribute that takes a url() (fill, filter, mask, clip-path, marker-*).
      dangers.add(name === 'style' ? 'a style that loads from outside the image' : `an attribute that loads from outside the image (${data.attrName})`);
      data.keepAttr = false;
    }
  });
  try {
    const body = purifier.sanitize(text, { USE_PROFILES: { svg: true, svgFilters: true }, ADD_TAGS: ['use'], RETURN_DOM: true }) as unknown as HTMLElement;
    const svg = body.querySelector('svg');
    if (dangers.size > 0 || !svg) return { dangers: [...dangers] };
    return { svg: `${serializer.serializeToString(svg)}\n`, dangers: [] };
  } finally {
    purifier.removeAllHooks();
  }
}
