// Run in the print page by the build (pipeline/browser/lay-out-print.ts) before it prints: no
// more than `mostHyphens` hyphenated lines in a row, and figures placed so that no page ends
// more than `maxGap` of its height early. Plain JavaScript, evaluated as it is written here.
// biome-ignore lint/correctness/noUnusedVariables: the build calls it, after evaluating this file in the page
function layOut(maxGap, mostHyphens) {
  let moves = 0;
  const article = document.querySelector('article');
  const body = document.querySelector('article > .body');
  if (!article || !body) return moves;

  // The pages' content box, as the print stylesheet gives it beside its @page rule.
  const length = (property) => {
    const probe = document.createElement('div');
    probe.style.cssText = `position:absolute;visibility:hidden;height:var(${property}, 0)`;
    document.body.append(probe);
    const px = probe.getBoundingClientRect().height;
    probe.remove();
    return px;
  };
  const width = length('--page-content-width');
  const height = length('--page-content-height');
  if (width === 0 || height === 0) return moves;
  const saved = article.getAttribute('style');
  article.setAttribute(
    'style',
    `width:${width}px;height:${height}px;columns:${width}px;column-gap:0;column-fill:auto;margin:0;padding:0;box-sizing:content-box`,
  );

  // The layout passes take at most a few seconds, however long the article: past that, the page
  // prints as it is.
  const deadline = Date.now() + 8000;

  // Each round finds the lines that end in a soft hyphen (a used one is drawn, and the next letter
  // starts a line), and keeps whole the word that ends the first line too many of each ladder.
  for (let round = 0; round < 200 && Date.now() < deadline; round++) {
    // A line's place: its page (its column), then its height on the page.
    const ends = [];
    const left = article.getBoundingClientRect().left;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node && Date.now() < deadline; node = walker.nextNode()) {
      for (let at = node.data.indexOf('\u00ad'); at >= 0; at = node.data.indexOf('\u00ad', at + 1)) {
        // A soft hyphen ends a line when the letter after it starts the next one.
        if (at + 2 > node.data.length) continue;
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0) continue;
        range.setStart(node, at + 1);
        range.setEnd(node, at + 2);
        const after = range.getBoundingClientRect();
        if (after.top - rect.top < rect.height / 2 && Math.abs(after.left - rect.left) < width / 2) continue;
        const block = node.parentElement?.closest('p, li, blockquote, dd, dt, td') ?? null;
        ends.push({
          node,
          at,
          line: Math.floor((rect.left - left + 1) / width) * 1e6 + rect.top,
          block,
          step: parseFloat(getComputedStyle(block ?? body).lineHeight),
        });
      }
    }
    // The first line too many of each ladder, one a paragraph a round: the lines after it move.
    let run = 1;
    const over = new Map();
    ends.forEach((end, index) => {
      const before = ends[index - 1];
      run = before && before.block === end.block && Math.abs(end.line - before.line - end.step) < end.step / 2 ? run + 1 : 1;
      if (run > mostHyphens && !over.has(end.block)) over.set(end.block, end);
    });
    if (over.size === 0) break;
    for (const { node, at } of over.values()) {
      const start = node.data.slice(0, at).search(/\S*$/);
      const end = at + (node.data.slice(at).search(/\s/) + 1 || node.data.length - at + 1) - 1;
      node.data = node.data.slice(0, start) + node.data.slice(start, end).replaceAll('\u00ad', '') + node.data.slice(end);
    }
  }

  const blocks = () => [...body.children];
  const left = () => article.getBoundingClientRect().left;
  /** The page on which a rectangle lies. */
  const pageOf = (rect) => Math.floor((rect.left - left() + 1) / width);
  const pageOfBlock = (block) => {
    const rects = [...block.getClientRects()];
    return rects.length > 0 ? pageOf(rects[0]) : -1;
  };
  /** How far down each page the text goes, as a share of the page's height. */
  const filled = () => {
    const top = article.getBoundingClientRect().top;
    const bottoms = [];
    for (const element of [article.querySelector('.masthead'), ...blocks()]) {
      for (const rect of element ? [...element.getClientRects()] : []) {
        const index = pageOf(rect);
        bottoms[index] = Math.max(bottoms[index] ?? 0, (rect.bottom - top) / height);
      }
    }
    return bottoms;
  };
  const flows = (block) => /^(P|UL|OL|DL)$/.test(block.tagName) && block.querySelector('img, svg') === null;
  const isHeading = (block) => /^H[1-6]$/.test(block.tagName);

  try {
    const stuck = new Set();
    for (let round = 0; round < 100 && Date.now() < deadline; round++) {
      const bottoms = filled();
      const short = bottoms.findIndex((bottom, index) => index < bottoms.length - 1 && !stuck.has(index) && 1 - (bottom ?? 0) > maxGap);
      if (short < 0) break;
      // The block that left the page short: the first of the next page, past its headings.
      const all = blocks();
      let index = all.findIndex((block) => pageOfBlock(block) === short + 1);
      while (index >= 0 && index < all.length && isHeading(all[index])) index++;
      // The figure, with the figures right after it: they keep their order.
      const group = [];
      for (let at = index; at < all.length && !flows(all[at]) && !isHeading(all[at]); at++) group.push(all[at]);
      // They go after the next paragraph or list, past the headings before it: the text, a new
      // section's included, fills the page, and the figures follow at the top of the next one.
      let after = index + group.length;
      while (after < all.length && isHeading(all[after])) after++;
      const next = all[after];
      if (group.length === 0 || !next || !flows(next)) {
        stuck.add(short);
        continue;
      }
      const place = group[group.length - 1].nextElementSibling;
      next.after(...group);
      if (pageOfBlock(group[0]) > short + 2 || (filled()[short] ?? 0) <= (bottoms[short] ?? 0)) {
        place.before(...group); // they went too far, or filled nothing: they stay where they were
        stuck.add(short);
        continue;
      }
      moves++;
    }
  } finally {
    if (saved === null) article.removeAttribute('style');
    else article.setAttribute('style', saved);
  }
  return moves;
}

// The links of a chart's marks (its href channel) made links of the page, over the marks they
// cover: a link inside a drawing that is one image has no tag of its own in a PDF, a link beside
// it has. Each says what its mark shows, as the mark's tooltip does. The links stand in a box of
// the drawing's own size, placed in fractions of it: they stay on their marks at any width.
// biome-ignore lint/correctness/noUnusedVariables: the build calls it, after evaluating this file in the page
function linkChartMarks() {
  let links = 0;
  for (const svg of document.querySelectorAll('.chart-drawings svg')) {
    const marks = [...svg.querySelectorAll('a')];
    const frame = svg.getBoundingClientRect();
    if (marks.length === 0 || frame.width === 0 || frame.height === 0) continue;
    const box = document.createElement('div');
    box.className = 'chart-links';
    box.style.cssText = 'position:relative;width:fit-content;max-width:100%';
    svg.replaceWith(box);
    box.append(svg);
    const percent = (value, whole) => `${((value / whole) * 100).toFixed(3)}%`;
    for (const link of marks) {
      const href = link.getAttribute('href') ?? link.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
      const mark = link.getBoundingClientRect();
      if (href && mark.width > 0 && mark.height > 0) {
        const overlay = document.createElement('a');
        overlay.href = href;
        overlay.className = 'chart-link';
        overlay.setAttribute('aria-label', link.querySelector('[data-value]')?.getAttribute('data-value') ?? href);
        overlay.style.cssText = `position:absolute;display:block;left:${percent(mark.left - frame.left, frame.width)};top:${percent(mark.top - frame.top, frame.height)};width:${percent(mark.width, frame.width)};height:${percent(mark.height, frame.height)}`;
        box.append(overlay);
        links++;
      }
      link.replaceWith(...link.childNodes);
    }
  }
  return links;
}
