import { type MemberClaims, verifyMemberToken } from '../domain/memberToken.ts';
import type { Deps, KithContext } from './context.ts';
import { ProblemError } from './problem.ts';

export type MemberAuth = { state: 'none' } | { state: 'valid'; claims: MemberClaims } | { state: 'invalid' | 'expired'; detail: string };

/** Reads `Authorization: Bearer <member token>` and verifies it with the site's secret. */
export function memberAuth(c: KithContext, deps: Deps): MemberAuth {
  const header = c.req.header('authorization');
  if (!header) return { state: 'none' };
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m?.[1]) return { state: 'invalid', detail: 'Authorization must be "Bearer <member token>"' };
  const check = verifyMemberToken(m[1], c.var.site.memberSecret, Math.floor(deps.now() / 1000));
  if (check.ok) return { state: 'valid', claims: check.claims };
  if (check.reason === 'expired') return { state: 'expired', detail: 'The member token has expired; sign the member in again' };
  return { state: 'invalid', detail: `The member token is not valid for this site (${check.reason})` };
}

/**
 * The member a request speaks for, or a 401 problem: `urn:kith:problem:token-missing`,
 * `...:token-expired` or `...:token-invalid`, so a widget can tell the visitor which.
 */
export async function requireMember(c: KithContext, deps: Deps): Promise<MemberClaims> {
  const auth = memberAuth(c, deps);
  const challenge = (error: string, description: string) => ({ 'www-authenticate': `Bearer realm="kith", error="${error}", error_description="${description}"` });
  if (auth.state === 'none') throw new ProblemError('token-missing', { detail: 'This call needs a member token (Authorization: Bearer ...)', headers: { 'www-authenticate': 'Bearer realm="kith"' } });
  if (auth.state !== 'valid') {
    const expired = auth.state === 'expired';
    throw new ProblemError(expired ? 'token-expired' : 'token-invalid', { detail: auth.detail, headers: challenge('invalid_token', expired ? 'expired' : 'invalid') });
  }
  await deps.store.upsertMember(c.var.site.key, { id: auth.claims.sub, name: auth.claims.name, avatarUrl: auth.claims.avatarUrl }, deps.now());
  return auth.claims;
}

/**
 * The actor of a write: the visitor, plus the member when the token is valid. An expired or
 * invalid token on a write is ignored rather than refused: the visitor's submission matters more
 * than the credit (only reads that need a member refuse it).
 */
export async function actorOf(c: KithContext, deps: Deps): Promise<{ visitorId?: string; memberId?: string }> {
  const auth = memberAuth(c, deps);
  if (auth.state !== 'valid') return { visitorId: c.var.visitorId };
  await deps.store.upsertMember(c.var.site.key, { id: auth.claims.sub, name: auth.claims.name, avatarUrl: auth.claims.avatarUrl }, deps.now());
  return { visitorId: c.var.visitorId, memberId: auth.claims.sub };
}
