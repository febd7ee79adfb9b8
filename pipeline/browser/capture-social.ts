// The share images: the staged share page laid out in each format, its title fitted, and a
// screenshot of each.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHARE_FORMATS, type ShareFormat } from '../page/share-cards.js';
import type { BrowserSession } from './session.js';
import { withPage } from './with-page.js';

export { SHARE_FORMATS, type ShareFormat };

export type ShareImage = Readonly<{ png: Uint8Array; overflowing: readonly string[] }>;

// Written as a string: page.evaluate with a function would ship the bundler's helpers too.
const FIND_OVERFLOW = `(() => {
  const card = document.querySelector('.card').getBoundingClientRect();
  const found = [];
  for (const element of document.querySelectorAll('.card [data-part]')) {
    const box = element.getBoundingClientRect();
    // Glyphs that reach a little past a box's lines are not a clipped line (see the template's fit).
    const slack = parseFloat(getComputedStyle(element).fontSize) / 4;
    const clipped = element.scrollHeight > element.clientHeight + slack || element.scrollWidth > element.clientWidth + 1;
    const outside = box.left < card.left - 0.5 || box.right > card.right + 0.5 || box.top < card.top - 0.5 || box.bottom > card.bottom + 0.5;
    if (clipped || outside) found.push(element.dataset.part);
  }
  return found;
})()`;

/**
 * Screenshots the staged share page in each format, once its title has been fitted, and
 * says which of its texts still overflow their boxes. The page is loaded once: each next
 * format changes its layout in place (the template's showFormat), with its fonts and chart
 * already there. Screenshots go one at a time through the session, each with its tab
 * brought to the front.
 */
export async function captureSocial(
  session: BrowserSession,
  stagingDir: string,
  htmlName: string,
  formats: readonly ShareFormat[],
  onBlocked: (url: string) => void,
): Promise<ShareImage[]> {
  return withPage(
    session,
    stagingDir,
    async (page) => {
      const images: ShareImage[] = [];
      for (const [index, format] of formats.entries()) {
        await page.setViewport({ width: format.width, height: format.height, deviceScaleFactor: 1 });
        if (index === 0) await page.goto(pathToFileURL(join(stagingDir, htmlName)).href, { waitUntil: 'load', timeout: 30_000 });
        // Laid out in this format and fitted, then checked, in one call.
        const overflowing = (await page.evaluate(`showFormat(${JSON.stringify(format.name)}).then(() => ${FIND_OVERFLOW})`)) as string[];
        const png = await session.oneAtATime(async () => {
          await page.bringToFront();
          return page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: format.width, height: format.height }, captureBeyondViewport: false });
        });
        images.push({ png, overflowing });
      }
      return images;
    },
    onBlocked,
    { javaScript: true },
  );
}

/** What to tell the editor when a share image's text does not fit, even at its smallest size. */
export function overflowProblem(format: ShareFormat, image: ShareImage): string | undefined {
  const parts = image.overflowing;
  if (parts.length === 0) return undefined;
  return `${format.file}: the ${parts.join(' and the ')} ${parts.length > 1 ? 'do' : 'does'} not fit, even at the smallest size: shorten it`;
}
