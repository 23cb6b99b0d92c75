import type { Server, ServerResponse } from 'node:http';

/**
 * Stops an HTTP server the way clients behind keep-alive need it: no new connections, idle
 * keep-alive connections closed at once, and every response from then on says
 * `Connection: close`, so its connection closes after it instead of serving more requests.
 * Created when the server is, so that it knows the responses in flight when the drain begins.
 */
export class HttpDrain {
  private draining = false;
  private readonly inFlight = new Set<ServerResponse>();

  constructor(private readonly server: Server) {
    server.prependListener('request', (_request, response: ServerResponse) => {
      if (this.draining) response.setHeader('Connection', 'close');
      this.inFlight.add(response);
      response.once('close', () => this.inFlight.delete(response));
    });
  }

  /** Requests still being answered. */
  get pending(): number {
    return this.inFlight.size;
  }

  /**
   * Resolves `true` once every connection has closed, or `false` at `deadline` (epoch ms),
   * having cut the connections still open.
   */
  async drain(deadline: number): Promise<boolean> {
    this.draining = true;
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    if (!this.server.listening) return true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    // A response whose headers had gone out before the drain leaves its connection idle, not closed.
    const sweep = setInterval(() => this.server.closeIdleConnections(), 50);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
    });
    try {
      const drained = await Promise.race([closed.then(() => true as const), late]);
      if (!drained) this.server.closeAllConnections();
      return drained;
    } finally {
      clearInterval(sweep);
      clearTimeout(timer);
    }
  }
}
