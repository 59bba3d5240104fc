import { newId } from './ids.ts';

const VISITOR_KEY = 'kith:visitor';

export interface IdentityOptions {
  /** When true, no id exists, nothing is persisted and nothing identifying is sent until `grant()`. */
  consentRequired?: boolean;
  memberToken?: string;
}

/** Who is asking: an anonymous visitor id (random, persisted) and, for a signed-in member, a token. */
export class Identity {
  consentRequired: boolean;
  granted: boolean;
  memberToken?: string;
  #visitorId?: string;

  constructor(opts: IdentityOptions = {}) {
    this.consentRequired = !!opts.consentRequired;
    this.granted = !this.consentRequired;
    this.memberToken = opts.memberToken;
  }

  /** Whether this page may persist data and send an id. */
  get allowed(): boolean {
    return this.granted;
  }

  /** The visitor id, created on first use; undefined while consent is pending. */
  get visitorId(): string | undefined {
    if (!this.granted) return undefined;
    try {
      // setItem of the value already stored changes nothing
      this.#visitorId ?? localStorage.setItem(VISITOR_KEY, (this.#visitorId = localStorage.getItem(VISITOR_KEY) || newId()));
    } catch {
      this.#visitorId ??= newId(); // storage blocked: an id for this page's life only
    }
    return this.#visitorId;
  }

  /** Grant or withdraw consent. Withdrawing forgets the stored id. */
  setConsent(granted: boolean): void {
    if (!(this.granted = granted || !this.consentRequired)) {
      this.#visitorId = undefined;
      try {
        localStorage.removeItem(VISITOR_KEY);
      } catch {
        // nothing stored, nothing to forget
      }
    }
  }
}
