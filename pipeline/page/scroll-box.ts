// A box that scrolls a wide table sideways, and takes the keyboard focus.
import type { Element } from 'hast';
import { h } from 'hastscript';

/**
 * A wide table scrolls inside its own box, so that a phone never scrolls the whole page
 * sideways; the box takes the keyboard focus, so that it can be scrolled without a mouse.
 */
export function scrollBox(table: Element, label: string): Element {
  return h('section.table-scroll', { tabIndex: 0, ariaLabel: label }, [table]);
}
