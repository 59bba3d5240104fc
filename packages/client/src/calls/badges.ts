// `@kith/client/badges`: the badges calls, each validating with its own checks, so a page loads only the schemas of the areas it uses.
import type { KithClient } from '../client.ts';
import { BadgeCatalog, Leaderboard, MemberBadges } from '../protocol/checks/badges.ts';
import type { LeaderboardQuery } from '../protocol/badges.ts';

/** `GET /v1/badges`. */
export const getBadges = (client: KithClient, signal?: AbortSignal) => client.read(BadgeCatalog, 'badges', (b, c) => b.getBadges(c), signal);

/** `GET /v1/members/{id|me}/badges`. */
export const getMemberBadges = (client: KithClient, memberId: string, signal?: AbortSignal) =>
  client.read(MemberBadges, 'member badges', (b, c) => b.getMemberBadges(memberId, c), signal);

/** `GET /v1/leaderboard`. */
export const getLeaderboard = (client: KithClient, query: LeaderboardQuery, signal?: AbortSignal) =>
  client.read(Leaderboard, 'leaderboard', (b, c) => b.getLeaderboard(query, c), signal);
