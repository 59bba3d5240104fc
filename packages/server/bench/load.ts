// pnpm bench:server: a bounded load run on loopback against the reference server (its own process,
// SQLite file on disk). Posts survey responses (new ones and upserts of earlier ones), then reads
// hot topics; prints requests per second and latency percentiles, and checks nothing was lost.
//   BENCH_REQUESTS (default 20000 per phase), BENCH_SECONDS (default 20 per phase), BENCH_CONCURRENCY (default 16),
//   BENCH_PROFILE=<dir> writes a V8 CPU profile of the server there.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

const dir = mkdtempSync(join(tmpdir(), 'kith-bench-'));
const dbFile = join(dir, 'bench.db');
const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [dbFile], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const port = await new Promise<number>((resolve, reject) => {
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d;
    const m = /PORT (\d+)/.exec(out);
    if (m) resolve(Number(m[1]));
  });
  child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
});

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const HEADERS = { 'Kith-Site': 'demo', 'Content-Type': 'application/json' };

function send(method: string, path: string, visitor: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: { ...HEADERS, 'Kith-Visitor': visitor, ...(body ? { 'Content-Length': Buffer.byteLength(body) } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The server process's CPU time so far, in µs (user + system). */
const serverCpu = () =>
  new Promise<number>((resolve) => {
    child.once('message', (m: { cpu: NodeJS.CpuUsage }) => resolve(m.cpu.user + m.cpu.system));
    child.send('cpu');
  });

interface PhaseResult {
  name: string;
  /** Server CPU time per request, µs: what the code costs, whatever else the machine is running. */
  cpuPerRequest: number;
  requests: number;
  errors: number;
  seconds: number;
  latencies: Float64Array;
}

/** Runs `make(i)` with CONCURRENCY workers until REQUESTS are done or SECONDS pass. */
async function phase(name: string, make: (i: number) => Promise<number>, expected: number, limit = REQUESTS): Promise<PhaseResult> {
  const latencies = new Float64Array(limit);
  const cpu0 = await serverCpu();
  let next = 0;
  let done = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const worker = async () => {
    while (next < limit && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      const status = await make(i);
      latencies[done++] = performance.now() - t0;
      if (status !== expected) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpuPerRequest = ((await serverCpu()) - cpu0) / Math.max(1, done);
  return { name, requests: done, errors, seconds, cpuPerRequest, latencies: latencies.slice(0, done).sort() };
}

const pct = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const row = (r: PhaseResult) =>
  [r.name.padEnd(34), String(r.requests).padStart(7), String(r.errors).padStart(6), Math.round(r.requests / r.seconds).toString().padStart(8), ...[50, 90, 99].map((p) => pct(r.latencies, p).toFixed(2).padStart(7)), r.latencies.at(-1)!.toFixed(1).padStart(7), Math.round(r.cpuPerRequest).toString().padStart(9)].join(' ');

// Each visitor answers the NPS question (seq 1), then finishes with the follow-up (seq 2): half the
// writes create a response, half upsert one made a moment earlier.
const responseBody = (i: number, prefix = 'bench') => {
  const n = Math.floor(i / 2);
  const finished = i % 2 === 1;
  const score = n % 11;
  const followUp = score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter';
  return JSON.stringify({
    responseId: `${prefix}-${n.toString(36).padStart(8, '0')}`,
    surveyVersion: 1,
    seq: finished ? 2 : 1,
    answers: finished ? { nps: score, [followUp]: 'Load test answer, a sentence or so long.' } : { nps: score },
    finished,
    locale: 'en',
    url: 'https://lumen.example/pricing',
  });
};
const visitor = (i: number) => `bench-visitor-${(Math.floor(i / 2) % 5000).toString().padStart(5, '0')}`;

try {
  // Warm-up: JIT, statement cache, page cache (not measured).
  await phase('warm-up', (i) => send('POST', '/v1/surveys/demo-nps/responses', visitor(i), responseBody(i, 'warmup')), 200, 2000);
  const writes = await phase('POST /v1/surveys/demo-nps/responses', (i) => send('POST', '/v1/surveys/demo-nps/responses', visitor(i), responseBody(i)), 200);
  const reads = await phase('GET /v1/topics?sort=hot&limit=20', (i) => send('GET', '/v1/topics?sort=hot&limit=20', visitor(i)), 200);

  child.send('stop');
  await new Promise((r) => child.once('exit', r));
  const db = new Database(dbFile, { readonly: true });
  const stored = db.prepare("SELECT COUNT(*) AS n, SUM(finished) AS f FROM survey_responses WHERE response_id LIKE 'bench-%'").get() as { n: number; f: number };
  db.close();
  const expectedRows = Math.ceil(writes.requests / 2);
  const expectedFinished = Math.floor(writes.requests / 2);

  console.log(`\nKith reference server load run: ${cpus().length} cores (${cpus()[0]?.model.trim()}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`loopback, keep-alive, ${CONCURRENCY} connections, at most ${REQUESTS} requests or ${SECONDS} s per phase; SQLite WAL file on disk (${(statSync(dbFile).size / 1e6).toFixed(1)} MB)\n`);
  console.log(`${'phase'.padEnd(34)} ${'requests'.padStart(7)} ${'errors'.padStart(6)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p90 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'server µs'.padStart(9)}`);
  console.log(row(writes));
  console.log(row(reads));
  console.log('server µs: server CPU time per request (user + system); 1e6 / it is what one free core could serve.');
  console.log(`\nstored responses: ${stored.n} (expected ${expectedRows}), finished: ${stored.f} (expected ${expectedFinished})`);
  const writeRate = writes.requests / writes.seconds;
  const target = writeRate >= 3000 && pct(writes.latencies, 99) < 25;
  console.log(`target (>= 3,000 writes/s, p99 < 25 ms): ${target ? 'met' : 'NOT met'}`);
  const lost = stored.n !== expectedRows || stored.f !== expectedFinished || writes.errors + reads.errors > 0;
  if (lost) console.log('ERROR: responses lost, duplicated or refused');
  process.exitCode = lost ? 1 : 0;
} finally {
  if (child.exitCode === null) child.kill();
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}
