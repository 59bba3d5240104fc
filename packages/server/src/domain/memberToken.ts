import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Member tokens: HS256 JWTs `{ sub, name, exp }` that the brand's backend signs with the site's
 * member secret. The server only verifies them; it never issues one to a page (the admin API and
 * the demo seed mint them for testing).
 */
export interface MemberClaims {
  sub: string;
  name: string;
  exp: number;
  avatarUrl?: string;
}

export type TokenCheck =
  | { ok: true; claims: MemberClaims }
  | { ok: false; reason: 'malformed' | 'algorithm' | 'signature' | 'claims' | 'expired' | 'not-yet-valid' };

/** Clock skew forgiven on `exp` and `nbf`, in seconds. */
export const TOKEN_LEEWAY_S = 30;

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');
const sign = (input: string, secret: string): Buffer => createHmac('sha256', secret).update(input).digest();

export function signMemberToken(claims: MemberClaims & Record<string, unknown>, secret: string): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${b64url(sign(`${head}.${body}`, secret))}`;
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Verifies signature first, then claims; `nowS` is seconds since the epoch. */
export function verifyMemberToken(token: string, secret: string, nowS = Math.floor(Date.now() / 1000)): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return { ok: false, reason: 'malformed' };
  const [head, body, sig] = parts as [string, string, string];
  const header = decodeJson(head);
  if (!isRecord(header)) return { ok: false, reason: 'malformed' };
  if (header.alg !== 'HS256') return { ok: false, reason: 'algorithm' };
  const expected = sign(`${head}.${body}`, secret);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  const claims = decodeJson(body);
  if (!isRecord(claims)) return { ok: false, reason: 'claims' };
  const { sub, name, exp, nbf, avatarUrl } = claims;
  if (typeof sub !== 'string' || sub === '' || sub.length > 128 || typeof exp !== 'number') return { ok: false, reason: 'claims' };
  if (exp + TOKEN_LEEWAY_S < nowS) return { ok: false, reason: 'expired' };
  if (typeof nbf === 'number' && nbf - TOKEN_LEEWAY_S > nowS) return { ok: false, reason: 'not-yet-valid' };
  return {
    ok: true,
    claims: {
      sub,
      name: typeof name === 'string' ? name.slice(0, 200) : sub,
      exp,
      ...(typeof avatarUrl === 'string' && /^https?:\/\/\S+$/i.test(avatarUrl) ? { avatarUrl } : {}),
    },
  };
}
