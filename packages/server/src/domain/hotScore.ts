/**
 * Hot ranking. A topic's score is
 *
 *   hot = log10(max(1, votes + 2 × replies)) + (createdAt − HOT_EPOCH) / HOT_DECADE
 *
 * with times in seconds and HOT_DECADE = 2 days. Ordering by it is the same as ordering by
 * `(votes + 2·replies) · 10^(−age / 2 days)`: engagement decays exponentially with age (half-life
 * about 14.4 hours), so a topic needs ten times the engagement to rank level with one two days newer.
 * The score does not depend on the current time, so it is stored, indexed, and cursor pages stay
 * stable while time passes; it changes only when votes or replies change.
 */
export const HOT_EPOCH_S = 1_704_067_200; // 2024-01-01T00:00:00Z
export const HOT_DECADE_S = 2 * 86_400;
/** Replies weigh twice a vote: writing a reply takes more than clicking. */
export const REPLY_WEIGHT = 2;

export function hotScore(t: { votes: number; replies: number; createdAt: number }): number {
  const engagement = Math.max(1, t.votes + REPLY_WEIGHT * t.replies);
  return Math.log10(engagement) + (t.createdAt / 1000 - HOT_EPOCH_S) / HOT_DECADE_S;
}

/** Listing lane: pinned topics first, then promoted, then the rest. */
export const topicLane = (t: { pinned: boolean; promoted: boolean }): number => (t.pinned ? 2 : t.promoted ? 1 : 0);
