// "Acme", a community backend that has never heard of Kith: its own paths, names and shapes.
// Everything lives in memory; `data` is exported so the end-to-end test can look inside.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface AcmePoll {
  slug: string;
  rev: number;
  heading: string;
  steps: { key: string; ask: string; kind: 'scale' | 'text'; min?: number; max?: number; optional?: boolean }[];
}
export interface AcmeSubmission {
  ref: string;
  rev: number;
  values: Record<string, string | number>;
  done: boolean;
  step: number;
  by?: string;
}
export interface AcmeTicket {
  ticket: string;
  ref: string;
  body: string;
  label?: string;
  stars?: number;
  replyTo?: string;
  page?: string;
  receivedAt: string;
}
export interface AcmeThread {
  threadId: string;
  subject: string;
  snippet: string;
  permalink: string;
  poster: { handle: string; displayName: string };
  labels: string[];
  likes: number;
  comments: number;
  opened: number;
  sticky: boolean;
  likedBy: string[];
}

const HOUR = 3_600_000;

export function acmeData(now = Date.now()) {
  return {
    polls: new Map<string, AcmePoll>([
      [
        'first-week',
        {
          slug: 'first-week',
          rev: 3,
          heading: 'Your first week with Acme',
          steps: [
            { key: 'score', ask: 'How likely are you to recommend Acme to a colleague?', kind: 'scale', min: 0, max: 10 },
            { key: 'why', ask: 'What is the main reason for your score?', kind: 'text', optional: true },
          ],
        },
      ],
    ]),
    submissions: new Map<string, AcmeSubmission>(),
    tickets: new Map<string, AcmeTicket>(),
    threads: [
      ['t-100', 'House rules and how to get help', 'Read this first: where to ask, how to report a bug, and who answers.', ['meta'], 'acme-staff', 'Acme Staff', 40, 12, 300, true],
      ['t-211', 'Dark mode for the dashboard', 'Our night shift would love a dark dashboard. Anyone else?', ['ideas'], 'rosa', 'Rosa Pérez', 31, 9, 20, false],
      ['t-212', 'CSV export drops the last column', 'Since Tuesday the exported CSV is missing the "notes" column.', ['bugs'], 'kofi', 'Kofi Mensah', 12, 5, 6, false],
      ['t-213', 'Share your automation recipes', 'Post the rules that save you the most time; best ones go in the docs.', ['tips'], 'ines', 'Inês Costa', 27, 18, 50, false],
    ].map(([threadId, subject, snippet, labels, handle, displayName, likes, comments, ageHours, sticky]) => ({
      threadId,
      subject,
      snippet,
      permalink: `https://forum.acme.example/t/${threadId}`,
      poster: { handle, displayName },
      labels,
      likes,
      comments,
      opened: now - (ageHours as number) * HOUR,
      sticky,
      likedBy: [],
    })) as AcmeThread[],
    activity: [] as unknown[],
  };
}
export type AcmeData = ReturnType<typeof acmeData>;

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return raw ? JSON.parse(raw) : {};
};

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** Acme's API under `/api/`; returns false for any other path. */
export function acmeApi(data: AcmeData) {
  let tickets = 1000;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/api/')) return false;
    const parts = url.pathname.split('/').slice(2).map(decodeURIComponent);
    const route = `${req.method} ${parts.map((p, i) => (i % 2 ? ':' : p)).join('/')}`;

    if (route === 'GET polls/:') {
      const poll = data.polls.get(parts[1]!);
      return poll ? (send(res, 200, poll), true) : (send(res, 404, { message: 'no such poll' }), true);
    }
    if (route === 'PUT polls/:/submissions/:') {
      const b = await readJson(req);
      const old = data.submissions.get(parts[3]!);
      // later steps win; an older step arriving late changes nothing
      if (!old || (b.step as number) >= old.step) data.submissions.set(parts[3]!, { ref: parts[3]!, ...(b as Omit<AcmeSubmission, 'ref'>) });
      const saved = data.submissions.get(parts[3]!)!;
      return send(res, 200, { ref: saved.ref, done: saved.done, step: saved.step }), true;
    }
    if (route === 'POST inbox') {
      const b = await readJson(req);
      if (/https?:\/\//.test(String(b.body))) return send(res, 422, { message: 'Links are not allowed in the inbox.' }), true;
      let t = data.tickets.get(String(b.ref));
      if (!t) data.tickets.set(String(b.ref), (t = { ...(b as Omit<AcmeTicket, 'ticket' | 'receivedAt'>), ticket: `T-${++tickets}`, receivedAt: new Date().toISOString() }));
      return send(res, 201, { ticket: t.ticket, ref: t.ref, receivedAt: t.receivedAt }), true;
    }
    if (route === 'GET threads') {
      const order = url.searchParams.get('order') ?? 'trending';
      const count = Number(url.searchParams.get('count') ?? 10);
      const page = Number(url.searchParams.get('page') ?? 1);
      const by = url.searchParams.get('by') ?? '';
      const score = (t: AcmeThread) => (order === 'latest' ? t.opened : order === 'best' ? t.likes : t.likes / (1 + (Date.now() - t.opened) / 7_200_000));
      const sorted = [...data.threads].sort((a, b) => Number(b.sticky) - Number(a.sticky) || score(b) - score(a));
      const threads = sorted.slice((page - 1) * count, page * count).map(({ likedBy, ...t }) => ({ ...t, likedByYou: likedBy.includes(by) }));
      return send(res, 200, { threads, nextPage: page * count < sorted.length ? page + 1 : null }), true;
    }
    if (route === 'POST threads/:/likes') {
      const b = await readJson(req);
      const t = data.threads.find((x) => x.threadId === parts[1]);
      if (!t) return send(res, 404, { message: 'no such thread' }), true;
      const had = t.likedBy.includes(String(b.by));
      if (b.like && !had) (t.likedBy.push(String(b.by)), t.likes++);
      if (!b.like && had) (t.likedBy.splice(t.likedBy.indexOf(String(b.by)), 1), t.likes--);
      return send(res, 200, { likes: t.likes, likedByYou: t.likedBy.includes(String(b.by)) }), true;
    }
    if (route === 'POST activity') {
      data.activity.push(...((await readJson(req)).items as unknown[]));
      return res.writeHead(204).end(), true;
    }
    return send(res, 404, { message: `no route ${req.method} ${url.pathname}` }), true;
  };
}
