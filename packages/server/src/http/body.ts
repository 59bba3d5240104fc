import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import { ProblemError, problemResponse } from './problem.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** Largest accepted request body, set by `limitBody`. */
    maxBodyBytes: number;
  }
}

const DEFAULT_MAX = 64 * 1024;
const tooLarge = (max: number) => new ProblemError('payload-too-large', { detail: `Request bodies are limited to ${max} bytes` });

/** Sets the body limit for `readBodyText`, and refuses a larger declared Content-Length at once (413). */
export const limitBody =
  (maxBytes: number): MiddlewareHandler =>
  async (c, next) => {
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > maxBytes) return problemResponse('payload-too-large', { detail: `Request bodies are limited to ${maxBytes} bytes` });
    c.set('maxBodyBytes', maxBytes);
    await next();
  };

/**
 * The request body as text, refused with 413 once it passes the limit (chunked bodies too). On
 * Node it reads the IncomingMessage directly: building a WHATWG Request and stream for each body
 * costs more than the rest of a write.
 */
export async function readBodyText(c: Context): Promise<string> {
  const max = c.var.maxBodyBytes ?? DEFAULT_MAX;
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  if (incoming && !incoming.readableEnded && !incoming.readableDidRead) {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > max) {
          cleanup();
          incoming.resume(); // discard the rest, keep the connection for the 413
          reject(tooLarge(max));
        } else chunks.push(chunk);
      };
      const onEnd = () => {
        cleanup();
        resolve(Buffer.concat(chunks, size).toString('utf8'));
      };
      const onError = (e: Error) => {
        cleanup();
        reject(e);
      };
      const cleanup = () => {
        incoming.off('data', onData);
        incoming.off('end', onEnd);
        incoming.off('error', onError);
      };
      incoming.on('data', onData);
      incoming.on('end', onEnd);
      incoming.on('error', onError);
    });
  }
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
