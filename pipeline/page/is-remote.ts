/** Whether a URL the content embeds points at another server (a data: URL does not). */
export function isRemote(url: string): boolean {
  return url.startsWith('//') || (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^data:/i.test(url));
}
