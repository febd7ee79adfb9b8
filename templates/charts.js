// The page's charts made explorable, for readers with JavaScript: a tooltip with a mark's values on
// hover and on tap; from the keyboard, Tab enters a chart, the arrow keys go from mark to mark and
// Escape leaves; screen readers hear the same values. The values are the build's: each mark carries
// them, formatted as in the chart, in `data-value`. Pointing at a legend's entry, or tapping it,
// dims the marks of the other entries. Without this script nothing is lost: the caption
// and the data table hold every value. In a chart's own page (charts/<id>.html), it also tells the
// page that frames it how tall it is.
(() => {
  const lines = (value) => value.split('; ').join('\n');

  function explore(box) {
    const tip = document.createElement('div');
    tip.className = 'chart-tooltip';
    tip.hidden = true;
    tip.setAttribute('aria-hidden', 'true');
    const live = document.createElement('div');
    live.className = 'visually-hidden';
    live.setAttribute('aria-live', 'polite');
    box.append(tip, live);
    for (const svg of box.querySelectorAll('svg')) {
      const marks = [...svg.querySelectorAll('[data-value]')];
      if (marks.length > 0) exploreDrawing(svg, marks, tip, live, box);
      if (marks.length > 0) highlightFromLegend(svg, marks);
    }
  }

  /** Pointing at a legend's entry (or tapping it) dims the marks of the other entries. */
  function highlightFromLegend(svg, marks) {
    const valuesOf = (mark) => mark.dataset.value.split('; ').map((part) => part.slice(part.indexOf(': ') + 2));
    const values = marks.map(valuesOf);
    let held = null;
    const show = (label) => {
      for (const [index, mark] of marks.entries()) mark.classList.toggle('is-dimmed', label !== null && !values[index].includes(label));
    };
    for (const entry of svg.querySelectorAll('.role-legend-entry .role-scope > g')) {
      const label = entry.querySelector('.role-legend-label text')?.textContent?.trim();
      if (!label || !values.some((list) => list.includes(label))) continue;
      entry.style.cursor = 'pointer';
      entry.addEventListener('pointerenter', () => show(label));
      entry.addEventListener('pointerleave', () => show(held));
      entry.addEventListener('click', () => {
        held = held === label ? null : label;
        show(held);
      });
    }
  }

  function exploreDrawing(svg, marks, tip, live, box) {
    let active = -1;
    const show = (index, announce) => {
      marks[active]?.classList.remove('is-active');
      active = index;
      const mark = marks[index];
      mark.classList.add('is-active');
      tip.textContent = lines(mark.dataset.value);
      tip.hidden = false;
      place(tip, mark, box);
      if (announce) live.textContent = `${mark.dataset.value} (${index + 1}/${marks.length})`;
    };
    const hide = () => {
      marks[active]?.classList.remove('is-active');
      active = -1;
      tip.hidden = true;
    };
    const markAt = (target) => marks.indexOf(target instanceof Element ? target.closest('[data-value]') : null);

    svg.setAttribute('tabindex', '0');
    svg.addEventListener('pointermove', (event) => {
      const index = markAt(event.target);
      if (index >= 0 && index !== active) show(index, false);
      else if (index < 0 && event.pointerType === 'mouse') hide();
    });
    svg.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'mouse') hide();
    });
    // A tap shows a mark's values; a tap beside the marks hides them.
    svg.addEventListener('click', (event) => {
      const index = markAt(event.target);
      if (index >= 0) show(index, false);
      else hide();
    });
    svg.addEventListener('keydown', (event) => {
      const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      let index;
      if (event.key in moves) index = active < 0 ? 0 : (active + moves[event.key] + marks.length) % marks.length;
      else if (event.key === 'Home') index = 0;
      else if (event.key === 'End') index = marks.length - 1;
      else if (event.key === 'Escape' && active >= 0) {
        hide();
        live.textContent = '';
      } else return;
      event.preventDefault();
      if (index !== undefined) show(index, true);
    });
    svg.addEventListener('blur', hide);
  }

  /** Above the mark, centred on it, inside the figure; below it when there is no room above. */
  function place(tip, mark, box) {
    const frame = box.getBoundingClientRect();
    const bounds = mark.getBoundingClientRect();
    const left = bounds.left + bounds.width / 2 - frame.left - tip.offsetWidth / 2;
    tip.style.left = `${Math.max(0, Math.min(left, frame.width - tip.offsetWidth))}px`;
    const above = bounds.top - frame.top - tip.offsetHeight - 8;
    tip.style.top = `${above >= 0 ? above : bounds.bottom - frame.top + 8}px`;
  }

  /** A chart's own page in a frame posts its height, in the messages of Datawrapper's and pym.js's embeds. */
  function reportHeight() {
    if (window.parent === window) return;
    const id = document.body.dataset.chart;
    const pymId = new URLSearchParams(location.search).get('childId');
    let last = 0;
    const post = () => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ 'datawrapper-height': { [id]: height } }, '*');
      if (pymId) window.parent.postMessage(['pym', pymId, 'height', height].join('xPYMx'), '*');
    };
    new ResizeObserver(post).observe(document.documentElement);
    window.addEventListener('load', post);
    post();
  }

  for (const box of document.querySelectorAll('.chart-drawings')) explore(box);
  if (document.body.dataset.chart) reportHeight();
})();
