// Part 3: the reference server's load figures, from its own script (`pnpm bench:server`,
// packages/server/bench/load.ts, written with the server). Its printed lines are included as they are.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const TIMEOUT_MS = 10 * 60 * 1000;

export async function serverLoad(repo: string): Promise<string[]> {
  const out = ['## Reference server load (`pnpm bench:server`)', ''];
  const script = join(repo, 'packages/server/bench/load.ts');
  if (!existsSync(script)) {
    out.push('Skipped: packages/server/bench/load.ts does not exist yet.');
    return out;
  }
  const started = Date.now();
  const { code, text } = await new Promise<{ code: number | null; text: string }>((resolve) => {
    let text = '';
    const child = spawn('pnpm', ['--silent', 'bench:server'], { cwd: repo, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      text += `\n(stopped after ${TIMEOUT_MS / 60000} min)`;
      child.kill('SIGTERM');
    }, TIMEOUT_MS);
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, text: `${text}\n${e.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, text });
    });
  });
  const lines = text.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => l.trimEnd()).filter((l) => l.trim());
  out.push('```', ...lines, '```');
  out.push(code === 0 ? `(${((Date.now() - started) / 1000).toFixed(0)} s)` : `pnpm bench:server exited with ${code}: the lines above are what it printed.`);
  return out;
}
