import type { KithClient } from '../client.ts';
import { parseOrThrow } from '../parse.ts';
import { BadgeCatalog, Leaderboard, MemberBadges } from '../protocol/checks/badges.ts';
import type { LeaderboardQuery } from '../protocol/badges.ts';

/** `GET /v1/badges`. */
export const getBadges = async (client: KithClient, signal?: AbortSignal) =>
  parseOrThrow(BadgeCatalog, await client.backend.getBadges(client.context(signal)), 'badges');

/** `GET /v1/members/{id|me}/badges`. */
export const getMemberBadges = async (client: KithClient, memberId: string, signal?: AbortSignal) =>
  parseOrThrow(MemberBadges, await client.backend.getMemberBadges(memberId, client.context(signal)), 'member badges');

/** `GET /v1/leaderboard`. */
export const getLeaderboard = async (client: KithClient, query: LeaderboardQuery, signal?: AbortSignal) =>
  parseOrThrow(Leaderboard, await client.backend.getLeaderboard(query, client.context(signal)), 'leaderboard');
