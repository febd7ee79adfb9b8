// The live preview's error overlay, over the last good page, and its reload script.
import type { OutputFile } from '../../report/index.js';
import { text } from './output-files.js';

/** The only script of the dev page: reload on the server's "reload" event. */
export const CLIENT = `new EventSource('/__briefing/events').addEventListener('reload', () => location.reload());`;

/** The page as served in the preview: with the script that reloads it. */
export function withClient(html: string): string {
  return html.replace('</body>', '<script src="/__briefing/client.js"></script></body>');
}

/** The last good page with the problems over it, or the problems alone. */
export async function errorPage(problems: readonly string[], lastGood: ReadonlyMap<string, OutputFile> | undefined): Promise<string> {
  const items = problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('');
  const overlay =
    `<div id="briefing-errors" role="alert" style="position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:60vh;overflow:auto;` +
    `margin:0;padding:1rem 1.5rem;background:#fff5f5;color:#7a1010;border-bottom:3px solid #c62828;font:14px/1.5 ui-monospace,monospace;` +
    `box-shadow:0 4px 16px rgba(0,0,0,.2)"><strong>The build failed: fix the content and save.</strong><ul style="margin:.5rem 0 0;padding-left:1.2rem">${items}</ul></div>`;
  const page = lastGood
    ? await text(lastGood.get('index.html'))
    : '<!doctype html><html><head><meta charset="utf-8"><title>Build failed</title></head><body></body></html>';
  return page.replace(/<body([^>]*)>/, (tag) => `${tag}${overlay}`);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}
