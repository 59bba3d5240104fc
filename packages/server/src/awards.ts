import { ACTIVITIES, type ActivityMetric, badgesToAward } from './domain/badgeRules.ts';
import type { Store } from './store/store.ts';

/**
 * Counts members' activities and awards the badges whose rules they now meet. Every count is
 * idempotent by `ref`, and awarding a badge twice is a no-op, so a retried request never counts
 * or pays twice.
 */
export class Awards {
  readonly #store: Store;
  constructor(store: Store) {
    this.#store = store;
  }

  /** Records an activity (its `ACTIVITIES` entry gives mode and points); returns badges newly awarded. */
  async record(site: string, memberId: string, metric: ActivityMetric, ref: string, at: number, value = 1): Promise<string[]> {
    const { mode, points } = ACTIVITIES[metric];
    return this.count(site, memberId, { metric, ref, points, mode, value, at });
  }

  /** Records a client-reported engagement metric (no points). */
  async recordEngagement(site: string, memberId: string, metric: string, ref: string, at: number): Promise<string[]> {
    return this.count(site, memberId, { metric, ref, points: 0, mode: 'add', value: 1, at });
  }

  async count(site: string, memberId: string, activity: Parameters<Store['recordActivity']>[2]): Promise<string[]> {
    if (!(await this.#store.recordActivity(site, memberId, activity))) return [];
    const [badges, stats, earned] = await Promise.all([
      this.#store.badgeDefinitions(site),
      this.#store.memberStats(site, memberId),
      this.#store.earnedBadgeIds(site, memberId),
    ]);
    const awarded: string[] = [];
    for (const id of badgesToAward(badges, stats, earned)) {
      if (await this.#store.awardBadge(site, memberId, id, { source: 'rule', at: activity.at })) awarded.push(id);
    }
    return awarded;
  }
}
