import * as z from 'zod/mini';

/**
 * A badge rule: the badge is earned when the member's `metric` reaches `threshold`.
 * Metrics are moved by activities (see `ACTIVITIES`), so a rule is data, not code.
 */
export const BadgeRule = z.object({
  metric: z.string().check(z.minLength(1), z.maxLength(80)),
  threshold: z.int().check(z.minimum(1)),
});
export type BadgeRule = z.infer<typeof BadgeRule>;

/**
 * What the server counts per member, and the points each brings. `add` metrics count distinct
 * occurrences (each `ref` once); `max` metrics keep the highest value seen.
 */
export const ACTIVITIES = {
  /** A non-spam feedback item. */
  'feedback.submitted': { mode: 'add', points: 5 },
  /** A survey response that reached `finished: true`. */
  'survey.completed': { mode: 'add', points: 10 },
  /** An upvote on someone's topic (each topic once). */
  'vote.cast': { mode: 'add', points: 1 },
  /** A visitor upvoted one of the member's topics (each voter and topic once). */
  'topic.vote_received': { mode: 'add', points: 2 },
  /** The most votes any one of the member's topics has reached. */
  'topic.votes': { mode: 'max', points: 0 },
} as const satisfies Record<string, { mode: 'add' | 'max'; points: number }>;

export type ActivityMetric = keyof typeof ACTIVITIES;

/**
 * Engagement events a member's widget sends (`POST /v1/events`) count as `event.<widget>.<type>`,
 * e.g. `event.hot-topics.open`. They are client-reported, so they bring no points.
 */
export const eventMetric = (widget: string, type: string): string => `event.${widget}.${type}`;

export interface RuleBadge {
  id: string;
  rule: BadgeRule | null;
}

/** Badges whose rule the member's stats now meet and that the member does not hold yet. */
export function badgesToAward(badges: readonly RuleBadge[], stats: Readonly<Record<string, number>>, earned: ReadonlySet<string>): string[] {
  return badges.filter((b) => b.rule && !earned.has(b.id) && (stats[b.rule.metric] ?? 0) >= b.rule.threshold).map((b) => b.id);
}

/** Progress toward a rule badge, capped at its target; null for badges awarded by hand. */
export function ruleProgress(rule: BadgeRule | null, stats: Readonly<Record<string, number>>, earned: boolean): { current: number; target: number } | null {
  if (!rule) return null;
  const current = earned ? rule.threshold : Math.min(stats[rule.metric] ?? 0, rule.threshold);
  return { current, target: rule.threshold };
}

const DAY_MS = 86_400_000;
/** The window a leaderboard period covers, ending now; `all` has none. */
export const PERIOD_MS = { day: DAY_MS, week: 7 * DAY_MS, month: 30 * DAY_MS, all: Number.POSITIVE_INFINITY } as const;

/** Start of a leaderboard period (0 for `all`). */
export const periodStart = (period: keyof typeof PERIOD_MS, now: number): number =>
  period === 'all' ? 0 : now - PERIOD_MS[period];
