import * as z from 'zod/mini';
import { HttpUrl, Id, MemberRef, Timestamp, localized } from './common.ts';
import { Period } from './topics.ts';

export const Tier = z.object({
  id: Id,
  /** The tier's name, in one language or several (like every text below). */
  label: localized(60),
  /** A CSS color for the tier's token (`--kith-tier-<id>`). */
  color: z.optional(z.string().check(z.maxLength(40), z.regex(/^[#a-zA-Z0-9(),.%\s-]+$/))),
  rank: z._default(z.int(), 0),
});

export const Badge = z.object({
  id: Id,
  name: localized(100),
  description: z._default(localized(1000), ''),
  criteria: z._default(localized(1000), ''),
  tier: z._default(z.string().check(z.maxLength(40)), 'bronze'),
  icon: z.object({
    url: z.optional(z.nullable(HttpUrl)),
    emoji: z.optional(z.string().check(z.maxLength(16))),
    alt: z.optional(localized(200)),
  }),
  points: z._default(z.int().check(z.minimum(0)), 0),
  /** How many members hold it. */
  holders: z._default(z.int().check(z.minimum(0)), 0),
});

/** `GET /v1/badges`: the catalog. */
export const BadgeCatalog = z.object({
  items: z.array(Badge),
  tiers: z._default(z.array(Tier), []),
});

export const MemberBadge = z.object({
  badge: Badge,
  earnedAt: z.optional(z.nullable(Timestamp)),
  progress: z.optional(z.nullable(z.object({ current: z.number(), target: z.number() }))),
});

/** `GET /v1/members/{id|me}/badges`: earned and locked badges with progress. */
export const MemberBadges = z.object({
  member: z.object({ ...MemberRef.shape, points: z._default(z.number(), 0) }),
  items: z.array(MemberBadge),
  tiers: z._default(z.array(Tier), []),
});

export const LeaderboardQuery = z.object({
  period: z._default(Period, 'week'),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 10),
});

/** `GET /v1/leaderboard`. */
export const Leaderboard = z.object({
  period: Period,
  items: z.array(
    z.object({
      rank: z.int().check(z.minimum(1)),
      member: MemberRef,
      points: z.number(),
      topBadges: z._default(z.array(Badge), []),
    }),
  ),
});

export type Tier = z.infer<typeof Tier>;
export type Badge = z.infer<typeof Badge>;
export type BadgeCatalog = z.infer<typeof BadgeCatalog>;
export type MemberBadge = z.infer<typeof MemberBadge>;
export type MemberBadges = z.infer<typeof MemberBadges>;
export type LeaderboardQuery = Omit<z.input<typeof LeaderboardQuery>, 'limit'> & { limit?: number };
export type Leaderboard = z.infer<typeof Leaderboard>;
