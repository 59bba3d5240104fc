// The one local server every page loads from (127.0.0.1, a free port): the page template, each
// subject's build, and small mocks of the APIs the subjects call. It counts every response body so a
// run knows the bytes its page shipped.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TEXT } from '../pages/survey-text.ts';

export interface Served {
  path: string;
  raw: number;
  gzip: number;
}

export interface BenchServer {
  origin: string;
  /** Start counting for a new page load; returns what was served since the last call. */
  take(): Served[];
  /** Requests no route answered (kept for the report). */
  unhandled: string[];
  /** Register the page HTML of a subject at `/<id>.html`. */
  page(id: string, html: string): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

const gzCache = new Map<string, number>();
const gzipSize = (body: Buffer) => {
  const key = body.length < 64 ? body.toString('latin1') : '';
  if (key && gzCache.has(key)) return gzCache.get(key)!;
  const n = gzipSync(body, { level: 9 }).length;
  if (key) gzCache.set(key, n);
  return n;
};

/** The survey in Kith's wire protocol (`GET /v1/surveys/bench`). */
export const kithSurvey = {
  id: 'bench',
  version: 1,
  questions: [
    { id: 'nps', type: 'nps', text: TEXT.nps, lowLabel: TEXT.low, highLabel: TEXT.high },
    { id: 'comment', type: 'text', text: TEXT.comment, required: false, placeholder: TEXT.placeholder },
  ],
};

/** The same survey as PostHog's `/api/surveys/` returns it. */
const posthogSurvey = {
  id: 'bench',
  name: 'Bench',
  description: '',
  type: 'api',
  feature_flag_keys: null,
  linked_flag_key: null,
  targeting_flag_key: null,
  internal_targeting_flag_key: null,
  questions: [
    { id: 'nps', type: 'rating', display: 'number', scale: 10, question: TEXT.nps, lowerBoundLabel: TEXT.low, upperBoundLabel: TEXT.high },
    { id: 'comment', type: 'open', question: TEXT.comment, optional: true },
  ],
  appearance: { whiteLabel: true, placeholder: TEXT.placeholder },
  conditions: null,
  start_date: '2024-01-01T00:00:00Z',
  end_date: null,
  current_iteration: null,
  current_iteration_start_date: null,
};

const posthogConfig = {
  token: 'phc_bench',
  supportedCompression: [],
  hasFeatureFlags: false,
  surveys: true,
  sessionRecording: false,
  autocapture_opt_out: true,
  heatmaps: false,
  capturePerformance: false,
  autocaptureExceptions: false,
  defaultIdentifiedOnly: true,
  siteApps: [],
};

export function startServer(opts: { buildDir: string; files: Record<string, string> }): Promise<BenchServer> {
  const pages = new Map<string, Buffer>();
  let served: Served[] = [];
  const unhandled: string[] = [];

  const send = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer | string) => {
    const buf = typeof body === 'string' ? Buffer.from(body) : body;
    served.push({ path: req.url ?? '', raw: buf.length, gzip: buf.length ? gzipSize(buf) : 0 });
    res.writeHead(status, { 'content-type': type, 'content-length': buf.length, 'cache-control': 'no-store' });
    res.end(buf);
  };
  const json = (req: IncomingMessage, res: ServerResponse, data: unknown, status = 200) =>
    send(req, res, status, 'application/json', JSON.stringify(data));
  const file = (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (!existsSync(path) || !statSync(path).isFile()) return false;
    send(req, res, 200, TYPES[extname(path)] ?? 'application/octet-stream', readFileSync(path));
    return true;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const p = url.pathname;
    // drain any request body (beacons, envelopes) before answering
    req.resume();
    req.on('end', () => {
      if (pages.has(p)) return send(req, res, 200, TYPES['.html']!, pages.get(p)!);
      if (p.startsWith('/build/')) {
        const rel = normalize(p.slice('/build/'.length)).replace(/^(\.\.[/\\])+/, '');
        if (file(req, res, join(opts.buildDir, rel))) return;
      }
      // Kith: the protocol, as any backend would answer it
      if (p === '/kith/v1/surveys/bench') return json(req, res, kithSurvey);
      if (p === '/kith/v1/events' && req.method === 'POST') return json(req, res, { accepted: 1 });
      if (p.startsWith('/kith/v1/surveys/bench/responses') && req.method === 'POST') return json(req, res, { responseId: 'x', finished: false, seq: 0 });
      // PostHog: remote config, flags, surveys, its lazily loaded surveys.js, and event capture
      if (p.startsWith('/posthog/')) {
        const q = p.slice('/posthog'.length);
        if (q.startsWith('/static/') && q.endsWith('.js')) {
          const name = q.split('/').pop()!;
          const path = opts.files[`posthog/${name}`];
          if (path && file(req, res, path)) return;
        }
        if (q === '/array/phc_bench/config') return json(req, res, posthogConfig);
        if (q === '/array/phc_bench/config.js') {
          return send(req, res, 200, TYPES['.js']!, `(function(){window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{};window._POSTHOG_REMOTE_CONFIG["phc_bench"]={config:${JSON.stringify(posthogConfig)},siteApps:[]}})();`);
        }
        if (q.startsWith('/flags')) return json(req, res, { ...posthogConfig, featureFlags: {}, featureFlagPayloads: {}, flags: {}, errorsWhileComputingFlags: false, requestId: 'bench' });
        if (q.startsWith('/api/surveys')) return json(req, res, { surveys: [posthogSurvey] });
        if (/^\/(e|i|s|batch|engage|capture)\b/.test(q)) return json(req, res, { status: 1 });
      }
      // Sentry: the envelope endpoint of the DSN
      if (/^\/api\/\d+\/envelope\/?$/.test(p)) return json(req, res, {});
      if (p === '/favicon.ico') return send(req, res, 204, 'image/x-icon', '');
      unhandled.push(`${req.method} ${req.url}`);
      send(req, res, 404, 'text/plain', 'not found');
    });
  });

  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      ok({
        origin: `http://127.0.0.1:${port}`,
        take() {
          const s = served;
          served = [];
          return s;
        },
        unhandled,
        page(id, html) {
          pages.set(`/${id}.html`, Buffer.from(html));
        },
        close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
      });
    }),
  );
}
