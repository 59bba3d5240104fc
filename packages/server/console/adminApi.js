// @ts-check
// The admin API as the console calls it: same origin, the admin token as a bearer, problem+json
// errors turned into sentences. The types come from the server's own source (JSON carries its
// millisecond times as ISO strings).

/**
 * @typedef {import('../src/store/store.ts').FeedbackStatus} FeedbackStatus
 * @typedef {import('../src/store/store.ts').FeedbackRecord} FeedbackRecord
 * @typedef {import('../src/store/store.ts').SiteRecord} SiteRecord
 * @typedef {import('../src/store/store.ts').TopicRecord} TopicRecord
 * @typedef {import('../src/store/store.ts').ModerationItem} ModerationRecord
 * @typedef {import('../src/domain/surveyResults.ts').SurveySummary} SurveySummary
 * @typedef {import('../src/domain/surveyResults.ts').QuestionSummary} QuestionSummary
 * @typedef {import('@kith/client/protocol').Survey} Survey
 * @typedef {import('@kith/client/protocol').Question} Question
 * @typedef {import('@kith/client/protocol').LocalizedText} LocalizedText
 * @typedef {import('@kith/client/protocol').Problem} Problem
 *
 * @typedef {Omit<SiteRecord, 'memberSecret' | 'createdAt' | 'updatedAt'> & { createdAt: string, updatedAt: string }} Site
 * @typedef {Omit<FeedbackRecord, 'createdAt' | 'updatedAt'> & { createdAt: string, updatedAt: string }} FeedbackItem
 * @typedef {{ items: FeedbackItem[], nextCursor: string | null }} FeedbackPage
 * @typedef {{ id: string, version: number, title?: LocalizedText, questions: number, responses?: number, updatedAt: string }} SurveyListItem
 * @typedef {Omit<TopicRecord, 'createdAt' | 'lastActivityAt' | 'updatedAt' | 'reportsSince'> & { createdAt: string, lastActivityAt: string, updatedAt: string, reportsSince: string | null }} Topic
 * @typedef {Omit<ModerationRecord, 'topic'> & { topic: Topic }} ModerationItem
 * @typedef {{ threshold: number, items: ModerationItem[] }} ModerationQueue
 */

/** What went wrong with a call: the token (`unauthorized`), the network, or the request (`problem`). */
export class AdminApiError extends Error {
  /**
   * @param {'unauthorized' | 'network' | 'problem'} kind
   * @param {string} message a sentence to show
   * @param {number} [status]
   */
  constructor(kind, message, status) {
    super(message);
    this.name = 'AdminApiError';
    this.kind = kind;
    this.status = status;
  }
}

/** The admin API under `/admin`, called with the token `token()` gives at the time of each call. */
export class AdminApi {
  #token;

  /** @param {() => string | null} token */
  constructor(token) {
    this.#token = token;
  }

  /**
   * @template T
   * @param {string} path below `/admin`
   * @returns {Promise<T>}
   */
  async get(path) {
    return (await this.#call('GET', path)).json();
  }

  /**
   * @template T
   * @param {string} path below `/admin`
   * @param {unknown} body
   * @returns {Promise<T>}
   */
  async patch(path, body) {
    return (await this.#call('PATCH', path, body)).json();
  }

  /**
   * A file the API answers with (the responses CSV), and the name its Content-Disposition gives.
   * @param {string} path below `/admin`
   * @param {string} fallbackName
   * @returns {Promise<{ blob: Blob, name: string }>}
   */
  async file(path, fallbackName) {
    const res = await this.#call('GET', path);
    const name = /filename="([^"/\\]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
    return { blob: await res.blob(), name };
  }

  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   */
  async #call(method, path, body) {
    /** @type {Record<string, string>} */
    const headers = { authorization: `Bearer ${this.#token() ?? ''}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res;
    try {
      res = await fetch(`/admin${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch {
      throw new AdminApiError('network', 'The server cannot be reached. Check that it is running, then try again.');
    }
    if (res.ok) return res;
    if (res.status === 401) throw new AdminApiError('unauthorized', 'The server refused this admin token (401 Unauthorized). Use the KITH_ADMIN_TOKEN the server runs with.', 401);
    /** @type {Partial<Problem>} */
    const problem = await res.json().catch(() => ({}));
    const said = [problem.title, problem.detail].filter(Boolean).join(': ');
    throw new AdminApiError('problem', `${said || 'The request failed'} (${res.status}).`, res.status);
  }
}

/**
 * An admin path with each value encoded as one segment: path`/sites/${key}/surveys/${id}/summary`.
 * @param {TemplateStringsArray} strings
 * @param {...string} values
 */
export const path = (strings, ...values) => strings.reduce((out, s, i) => out + encodeURIComponent(values[i - 1] ?? '') + s);
