/**
 * Feedback anti-spam. A submission is spam when the hidden honeypot field has a value (people
 * never see it, form-filling bots do) or the form was filled faster than `MIN_FILL_MS` (when the
 * client reports `elapsedMs`). Spam gets the same 201 answer as real feedback, so a bot learns
 * nothing; it is stored flagged and never appears in the inbox, badges or points.
 */
export const MIN_FILL_MS = 1500;

/** Why a submission looks like spam, or undefined when it does not. */
export function spamReason(input: { honeypot?: string; elapsedMs?: number }, minFillMs = MIN_FILL_MS): string | undefined {
  if (input.honeypot !== undefined && input.honeypot.trim() !== '') return 'honeypot';
  if (input.elapsedMs !== undefined && input.elapsedMs < minFillMs) return 'too-fast';
  return undefined;
}
