import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../pipeline/page/sanitize-svg.js';

const SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
/** An SVG image holding `inner`. */
const image = (inner: string, attributes = '') => `<svg ${SVG}${attributes}>${inner}</svg>`;

describe('sanitizeSvg', () => {
  it('keeps a clean image, with its references inside the image and its embedded rasters', () => {
    const inner = [
      '<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>',
      '<style>.a { fill: url(#g) } .b { fill: url( #g ) } .c { fill: url("#g") } .d { fill: url( "#g" ) }</style>',
      `<rect id="r" class="a" style="fill: url('#g')" fill="url(#g)" width="5" height="5"/>`,
      '<use href="#r"/>',
      '<use xlink:href="  #r"/>',
      '<image href="data:image/png;base64,iVBORw0KGgo="/>',
      '<image href="data:image/webp;base64,UklGRg=="/>',
      '<image href="DATA:IMAGE/JPEG;BASE64,/9j/"/>', // not refused (DOMPurify drops it)
      '<text>Hi</text>',
    ].join('');
    const { svg, dangers } = sanitizeSvg(image(inner, ' viewBox="0 0 10 10"'));
    expect(dangers).toEqual([]);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 10 10"[^>]*>.*<\/svg>\n$/s);
    for (const kept of [
      '<linearGradient id="g"><stop offset="0"/></linearGradient>',
      '<style>.a { fill: url(#g) } .b { fill: url( #g ) } .c { fill: url("#g") } .d { fill: url( "#g" ) }</style>',
      `style="fill: url('#g')"`,
      'fill="url(#g)"',
      '<use href="#r"/>',
      'xlink:href="',
      'href="data:image/png;base64,iVBORw0KGgo="',
      'href="data:image/webp;base64,UklGRg=="',
      '<text>Hi</text>',
    ]) {
      expect(svg).toContain(kept);
    }
  });

  it('keeps text that only speaks of stylesheets', () => {
    const text = image('<text>Write @import or url(https://example.org/) in a stylesheet</text>');
    expect(sanitizeSvg(text)).toEqual({ svg: `${text}\n`, dangers: [] });
  });

  it("drops a drawing program's metadata silently", () => {
    const inkscape =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd">' +
      '<sodipodi:namedview id="n"/><g inkscape:label="Layer 1"><rect width="1" height="1"/></g></svg>';
    expect(sanitizeSvg(inkscape)).toEqual({ svg: '<svg xmlns="http://www.w3.org/2000/svg"><g><rect width="1" height="1"/></g></svg>\n', dangers: [] });
  });

  it.each([
    ['<!DOCTYPE svg [<!ENTITY boom "boom">]><svg xmlns="http://www.w3.org/2000/svg"><text>&boom;</text></svg>'],
    ['<!doctype svg [<!entity boom SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"/>'],
  ])('refuses an image that declares XML entities: %s', (text) => {
    expect(sanitizeSvg(text)).toEqual({ dangers: ['an XML entity declaration (<!ENTITY>)'] });
  });

  it.each([
    ['<script>alert(1)</script>', 'a <script> element'],
    ['<foreignObject><div>hi</div></foreignObject>', 'a <foreignObject> element'],
    ['<iframe src="#x"></iframe>', 'a <iframe> element'],
    ['<object data="#x"></object>', 'a <object> element'],
    ['<embed src="#x"/>', 'a <embed> element'],
    ['<handler>alert(1)</handler>', 'a <handler> element'],
    ['<listener event="click"></listener>', 'a <listener> element'],
    ['<audio></audio>', 'a <audio> element'],
    ['<video></video>', 'a <video> element'],
  ])('refuses an image with %s', (inner, danger) => {
    expect(sanitizeSvg(image(`<rect width="1" height="1"/>${inner}`))).toEqual({ dangers: [danger] });
  });

  it.each([
    [image('<rect width="1" height="1"/>', ' onload="alert(1)"'), 'an event handler (onload)'],
    [image('<rect width="1" height="1" onClick="steal()"/>'), 'an event handler (onclick)'],
    [image('<a href="https://evil.example/"><text>t</text></a>'), 'a reference out of the image (https://evil.example/)'],
    [image('<a xlink:href="  javascript:alert(1)  "><text>t</text></a>'), 'a reference out of the image (javascript:alert(1))'],
    [image('<image src="http://tracker.example/pixel.png"/>'), 'a reference out of the image (http://tracker.example/pixel.png)'],
    [image('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>'), 'a reference out of the image (data:image/svg+xml;base64,PHN2Zy8+)'],
    [image('<use href="other.svg#r"/>'), 'a reference out of the image (other.svg#r)'],
    [
      image(`<a href="https://evil.example/${'x'.repeat(80)}"><text>t</text></a>`),
      `a reference out of the image (https://evil.example/${'x'.repeat(60 - 'https://evil.example/'.length)})`,
    ],
    [image('<style>@import "theme.css";</style>'), 'a stylesheet that loads from outside the image'],
    [image('<style>rect { fill: url(https://tracker.example/p.svg#g) }</style>'), 'a stylesheet that loads from outside the image'],
    [image('<style>rect { fill: URL( pattern.svg ) }</style>'), 'a stylesheet that loads from outside the image'],
    [image('<rect width="1" height="1" style="fill: url(https://tracker.example/p.svg#g)"/>'), 'a style that loads from outside the image'],
    [image(`<rect width="1" height="1" style="fill: url('p.svg#g')"/>`), 'a style that loads from outside the image'],
  ])('refuses %s', (text, danger) => {
    expect(sanitizeSvg(text)).toEqual({ dangers: [danger] });
  });

  it('refuses a presentation attribute that loads from outside the image', () => {
    const text = image('<rect width="1" height="1" fill="url(https://tracker.example/p.svg#g)" filter="url(http://x/f.svg#f)" mask="url(m.svg#m)"/>');
    expect([...sanitizeSvg(text).dangers].sort()).toEqual([
      'an attribute that loads from outside the image (fill)',
      'an attribute that loads from outside the image (filter)',
      'an attribute that loads from outside the image (mask)',
    ]);
  });

  it('lists every danger of an image, once each', () => {
    const text = image('<rect onclick="a()" onmouseover="b()"/><rect onclick="c()"/><script>d()</script><script>e()</script>', ' onload="f()"');
    expect([...sanitizeSvg(text).dangers].sort()).toEqual([
      'a <script> element',
      'an event handler (onclick)',
      'an event handler (onload)',
      'an event handler (onmouseover)',
    ]);
  });

  it('finds no image in text that holds no <svg>', () => {
    expect(sanitizeSvg('<p>just a paragraph</p>')).toEqual({ dangers: [] });
    expect(sanitizeSvg('')).toEqual({ dangers: [] });
  });

  it('judges each image on its own: a refused one leaves nothing behind for the next', () => {
    expect(sanitizeSvg(image('<script>alert(1)</script>')).dangers).toEqual(['a <script> element']);
    const clean = sanitizeSvg(image('<rect width="1" height="1"/>'));
    expect(clean).toEqual({ svg: `<svg ${SVG}><rect width="1" height="1"/></svg>\n`, dangers: [] });
  });
});
