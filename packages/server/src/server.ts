import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AppOptions, type KithApp, createApp } from './app.ts';

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  app: KithApp;
  /** Stops listening, ends open connections (SSE streams included); leaves the store open. */
  close(): Promise<void>;
}

/** Starts the app on Node's HTTP server (`port: 0` picks a free port). */
export function startServer(opts: AppOptions & { port?: number; host?: string }): Promise<RunningServer> {
  const { port = 8787, host = '127.0.0.1', ...appOptions } = opts;
  const app = createApp(appOptions);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        app,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
