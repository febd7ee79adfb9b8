// Where a file of the output folder will be published, from the front matter's `url`.

/** The absolute address of `path` beside the page published at `url`; else `path` itself, relative. */
export function publishedUrl(url: string | undefined, path: string): string {
  return url ? new URL(path, withSlash(url)).href : path;
}

/** `url` as a folder: "…/panne" is the folder of its page, "…/panne/index.html" is a page in it. */
function withSlash(url: string): string {
  return url.endsWith('/') || /\/[^/]+\.[a-z0-9]+$/i.test(url) ? url : `${url}/`;
}
