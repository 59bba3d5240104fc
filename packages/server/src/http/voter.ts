import type { Deps, KithContext } from './context.ts';
import { memberAuth } from './memberAuth.ts';

/** The tags of a `tag` parameter: one tag or a comma list (a topic matches any of them). */
export const parseTags = (tag: string | undefined): string[] =>
  [...new Set((tag ?? '').split(',').map((t) => t.trim()).filter(Boolean))].slice(0, 20);

/** Who votes and reports: the member with a valid token (one vote across devices), else the visitor. */
export function voterKey(c: KithContext, deps: Deps): string | undefined {
  const auth = memberAuth(c, deps);
  if (auth.state === 'valid') return `m:${auth.claims.sub}`;
  return c.var.visitorId ? `v:${c.var.visitorId}` : undefined;
}
