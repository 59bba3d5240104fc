/**
 * Moderation. Visitors report topics (one report per visitor per topic counts, whatever its
 * reason); when the number of distinct reporters since the topic was last restored reaches the
 * site's threshold, the topic is hidden and leaves every list and stream. Admins hide and restore
 * topics by hand; a restore starts the count again, so the same reports cannot hide it twice.
 */
export const DEFAULT_REPORT_THRESHOLD = 3;

/** Whether `distinctReporters` reports hide a topic at `threshold` (0 turns auto-hiding off). */
export const hiddenByReports = (distinctReporters: number, threshold: number): boolean =>
  threshold > 0 && distinctReporters >= threshold;
