// Puppeteer's transport over Chromium's --remote-debugging-pipe.
import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer';

/**
 * Puppeteer's end of `--remote-debugging-pipe`: DevTools messages as NUL-terminated JSON,
 * written to the browser's fd 3 and read from its fd 4. A browser driven this way opens no
 * port at all, and ends by itself when the pipe closes, which it does when this process
 * dies, even by SIGKILL.
 */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  readonly #toBrowser: Writable;
  #partial: Buffer[] = [];
  #closed = false;

  constructor(toBrowser: Writable, fromBrowser: Readable) {
    this.#toBrowser = toBrowser;
    // A browser that died takes its pipe with it: that is told by onclose, not thrown.
    toBrowser.on('error', () => {});
    fromBrowser.on('error', () => {});
    fromBrowser.on('data', (chunk: Buffer) => this.#read(chunk));
    fromBrowser.once('close', () => this.#end());
  }

  send(message: string): void {
    if (this.#closed) return;
    this.#toBrowser.write(message);
    this.#toBrowser.write('\0');
  }

  close(): void {
    this.#toBrowser.end();
    this.#end();
  }

  #read(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; start = end + 1, end = chunk.indexOf(0, start)) {
      this.#partial.push(chunk.subarray(start, end));
      const message = Buffer.concat(this.#partial).toString('utf8');
      this.#partial = [];
      this.onmessage?.(message);
    }
    if (start < chunk.length) this.#partial.push(chunk.subarray(start));
  }

  #end(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.onclose?.();
  }
}
