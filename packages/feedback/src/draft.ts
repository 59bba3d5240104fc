/** What the visitor has typed or picked so far. */
export interface FeedbackDraft {
  message: string;
  category?: string;
  rating?: number;
  email?: string;
}

/** A draft as kept in localStorage, with when the form was first shown (for the fill time). */
export interface StoredDraft extends FeedbackDraft {
  startedAt?: number;
}

/** One draft per site and element name, so two boxes on a page keep their own text. */
export const draftKey = (site = '', name = '') => `kith:feedback:${site}:${name}`;

/** The saved draft, if there is one. */
export function readDraft(key: string): StoredDraft | undefined {
  try {
    const d = JSON.parse(localStorage.getItem(key)!);
    return typeof d?.message === 'string' ? d : undefined;
  } catch {
    return undefined;
  }
}

/** Save the draft, or forget it when `draft` is undefined. */
export function writeDraft(key: string, draft?: StoredDraft): void {
  try {
    if (draft) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // storage full or blocked: the box still works, the draft just does not survive a reload
  }
}
