/**
 * Which earned badges the visitor has already seen, remembered per site and member in localStorage,
 * so a badge earned since the last view can be highlighted as new.
 */
import type { Card } from './render.ts';

/**
 * Record that the `earned` badges are what the visitor sees now; return those that were not seen at
 * the last view. The first view ever returns none (everything would be "new" otherwise).
 */
export function markSeen(scope: string, earned: Card[]): Card[] {
  const key = 'kith:badges-seen:' + scope;
  let before: unknown;
  try {
    before = JSON.parse(localStorage.getItem(key)!);
    localStorage.setItem(key, JSON.stringify(earned.map((c) => c.badge.id)));
  } catch {
    // storage blocked or a foreign value: nothing is known to be new
  }
  return Array.isArray(before) ? earned.filter((c) => !before.includes(c.badge.id)) : [];
}
