// Server-Sent Events to the open preview tabs. SSE rather than WebSocket:
// one-way is all we need, the browser reconnects by itself, and it is plain
// HTTP that the CSP can allow with `connect-src 'self'` alone.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const SSE_EVENTS = { reload: 'reload', buildError: 'build-error' } as const;
export type SseEvent = (typeof SSE_EVENTS)[keyof typeof SSE_EVENTS];

/** How long the browser waits before reconnecting after the stream drops. */
const RETRY_MS = 500;

export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private closed = false;

  get size(): number {
    return this.clients.size;
  }

  /**
   * Takes over a GET request. `current` is the build the server now serves;
   * a tab that connects showing another one (it loaded just before a rebuild,
   * or the stream dropped and came back) is told to reload at once.
   */
  attach(req: IncomingMessage, res: ServerResponse, clientVersion: string | undefined, current: string): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    if (this.closed) {
      res.end();
      return;
    }
    res.write(`retry: ${RETRY_MS}\n\n`);
    this.clients.add(res);
    const drop = (): void => {
      this.clients.delete(res);
    };
    req.on('close', drop);
    res.on('close', drop);
    if (clientVersion !== current) send(res, SSE_EVENTS.reload, current, current);
  }

  broadcast(event: SseEvent, data: unknown, version: string): void {
    for (const res of this.clients) send(res, event, data, version);
  }

  /** Ends every stream so that server.close() does not wait for open tabs. */
  close(): void {
    this.closed = true;
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

function send(res: ServerResponse, event: SseEvent, data: unknown, version: string): void {
  // JSON never contains a raw newline, so one `data:` line is always enough.
  // The id comes back as Last-Event-ID when the browser reconnects.
  res.write(`id: ${version}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
