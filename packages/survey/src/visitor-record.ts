import type { Answer } from '@kith/client';

/** What this browser remembers about one survey (localStorage, only with consent). */
export interface VisitorRecord {
  /** The response in progress, its survey version, answers, path of question ids and last seq. */
  responseId?: string;
  version?: number;
  answers?: Record<string, Answer>;
  path?: string[];
  seq?: number;
  /** When the visitor finished or dismissed it (ms since epoch). */
  doneAt?: number;
  dismissedAt?: number;
  /** The visitor's fixed draw for sampling, in [0, 1). */
  roll?: number;
}

export const recordKey = (site: string | undefined, survey: string) => `kith:survey:${site ?? ''}:${survey}`;

export function readRecord(key: string): VisitorRecord {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

export function writeRecord(key: string, record: VisitorRecord): void {
  try {
    localStorage.setItem(key, JSON.stringify(record));
  } catch {
    // storage full or blocked: the survey still works, it just cannot resume
  }
}

/** Whether the survey may show: the visitor's draw is within `sample`, and `once`/`cooldown` (days) allow it. */
export function eligible(r: VisitorRecord, rules: { sample?: number; once?: boolean; cooldown?: number }, now = Date.now()): boolean {
  if (rules.sample !== undefined && (r.roll ?? 0) >= rules.sample) return false;
  const last = Math.max(r.doneAt ?? 0, r.dismissedAt ?? 0);
  if (!last) return true;
  if (rules.once) return false;
  return rules.cooldown === undefined || now - last >= rules.cooldown * 864e5;
}
