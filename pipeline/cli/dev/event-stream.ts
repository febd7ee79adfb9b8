// The server-sent events that tell the preview's tabs to reload.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The tabs that listen to the preview's server-sent events, told to reload. */
export type EventStream = Readonly<{
  /** Takes a tab's request for the stream, and keeps it until the tab goes. */
  listen(request: IncomingMessage, response: ServerResponse): void;
  /** Tells every open tab to reload: `page` after a render, `build` after a full build. */
  broadcast(what: 'page' | 'build'): void;
  close(): void;
}>;

export function createEventStream(): EventStream {
  const clients = new Set<ServerResponse>();
  return {
    listen(request, response) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    broadcast(what) {
      for (const client of clients) client.write(`event: reload\ndata: ${what}\n\n`);
    },
    close() {
      for (const client of clients) client.end();
    },
  };
}
