import { expect } from '@esm-bundle/chai';
import { KithError, newId, restBackend } from '../src/index.ts';
import { getSurvey, saveResponse } from '../src/calls/survey.ts';
import { sendFeedback } from '../src/calls/feedback.ts';
import { http } from 'msw';
import { API, arrivals, client, fault, goOffline, serve, until, worker } from './harness.ts';

const feedback = (message = 'Love it') => ({ id: newId(), message });
const response = (responseId = newId(), seq = 0, finished = false) => ({
  responseId,
  surveyVersion: 1,
  seq,
  answers: { q1: 9 },
  finished,
});

/** A first page that sends feedback while offline and goes away: the item stays in `storeName`. */
async function leaveQueued(storeName: string) {
  const back = goOffline();
  const first = client({ storeName });
  const item = feedback('left');
  await sendFeedback(first, item);
  first.close();
  back();
  return item;
}

describe('client under network faults', () => {
  it('offline then online: queued, then delivered exactly once', async () => {
    const backend = await serve();
    const c = client();
    const back = goOffline();
    const items = [feedback('a'), feedback('b'), feedback('c')];
    const results = await Promise.all(items.map((f) => sendFeedback(c, f)));
    expect(results.map((r) => r.state)).to.deep.equal(['queued', 'queued', 'queued']);
    expect(backend.state.feedback.size).to.equal(0);
    back();
    window.dispatchEvent(new Event('online'));
    await until(() => backend.state.feedback.size === 3 && c.outbox.items().length === 0, 4000, 'delivery after online');
    const counts = arrivals(backend, 'submitFeedback');
    expect(items.map((f) => counts[f.id])).to.deep.equal([1, 1, 1]);
    expect(c.outbox.items()).to.have.length(0);
    c.close();
  });

  it('a request that times out is retried and arrives once', async () => {
    const backend = await serve();
    const c = client();
    fault('post', 'feedback', 'hang');
    const f = feedback();
    const result = await sendFeedback(c, f);
    expect(result.state).to.equal('sent');
    expect(arrivals(backend, 'submitFeedback')).to.deep.equal({ [f.id]: 1 });
    c.close();
  });

  it('500 then 200: sent on retry, once', async () => {
    const backend = await serve();
    const c = client();
    fault('post', 'surveys/nps/responses', 500);
    const r = response();
    const result = await saveResponse(c, 'nps', r);
    expect(result.state).to.equal('sent');
    expect(arrivals(backend, 'upsertResponse')).to.deep.equal({ [r.responseId]: 1 });
    c.close();
  });

  it('429 with Retry-After waits that long, then delivers once', async () => {
    const backend = await serve();
    const c = client({ retry: { retries: 0 } });
    fault('post', 'feedback', 429, { retryAfter: 1 });
    const f = feedback();
    const started = Date.now();
    const first = await sendFeedback(c, f);
    expect(first.state).to.equal('queued');
    if (first.state === 'queued') expect(first.error?.kind).to.equal('rate-limited');
    expect(c.outbox.items()[0]?.nextAt).to.be.at.least(started + 1000);
    await until(() => backend.state.feedback.size === 1, 5000, 'delivery after Retry-After');
    expect(Date.now() - started).to.be.at.least(900);
    expect(arrivals(backend, 'submitFeedback')).to.deep.equal({ [f.id]: 1 });
    c.close();
  });

  it('a 4xx rejection is not retried and leaves the queue with its message', async () => {
    const backend = await serve();
    const c = client();
    const result = await sendFeedback(c, { id: newId(), message: '' });
    expect(result.state).to.equal('rejected');
    if (result.state === 'rejected') {
      expect(result.error.kind).to.equal('rejected');
      expect(result.error.status).to.equal(400);
      expect(result.error.message).to.contain('message');
    }
    expect(c.outbox.items()).to.have.length(0);
    expect(backend.state.feedback.size).to.equal(0);
    c.close();
  });

  it('malformed JSON on a read is an invalid-response error', async () => {
    await serve();
    const c = client();
    fault('get', 'surveys/nps', 'malformed');
    const error = await getSurvey(c, 'nps').catch((e) => e);
    expect(error).to.be.instanceOf(KithError);
    expect(error.kind).to.equal('invalid-response');
    c.close();
  });

  it('a response whose body stalls after its headers times out and is retried, not left hanging', async () => {
    await serve();
    const { worker } = await import('./harness.ts');
    const { http, HttpResponse } = await import('msw');
    let stalls = 1;
    worker.use(
      http.get(`${API}/v1/surveys/nps`, () => {
        if (stalls-- <= 0) return undefined; // then the real handler answers
        const body = new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"id":')) });
        return new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } });
      }),
    );
    // long enough that the real answer after the stall always fits, on a busy machine too
    const c = client({ timeoutMs: 1500 });
    const survey = await getSurvey(c, 'nps');
    expect(survey.id).to.equal('nps');
    expect(stalls).to.be.below(0);
    c.close();
  });

  it('a response missing a required field names the field', async () => {
    await serve({ surveys: [] });
    const { worker } = await import('./harness.ts');
    const { http, HttpResponse } = await import('msw');
    worker.use(http.get(`${API}/v1/surveys/broken`, () => HttpResponse.json({ id: 'broken', version: 1, questions: [{ id: 'q', type: 'nps' }] })));
    const c = client();
    const error = await getSurvey(c, 'broken').catch((e) => e);
    expect(error.kind).to.equal('invalid-response');
    expect(error.path).to.equal('questions.0.text');
    expect(error.message).to.contain('questions.0.text');
    c.close();
  });

  it('a reload in the middle of a queue: the next page delivers what the first left, once', async () => {
    const backend = await serve();
    const storeName = `reload-${newId()}`;
    const back = goOffline();
    const first = client({ storeName });
    const items = [feedback('1'), feedback('2')];
    const r = response();
    for (const f of items) await sendFeedback(first, f);
    await saveResponse(first, 'nps', r);
    await saveResponse(first, 'nps', { ...r, seq: 1, finished: true });
    first.close(); // the page goes away with three items queued (two upserts coalesced)
    back();
    const second = client({ storeName });
    await until(() => backend.state.feedback.size === 2 && backend.state.responses.size === 1, 4000, 'delivery by the next page');
    expect(items.map((f) => arrivals(backend, 'submitFeedback')[f.id])).to.deep.equal([1, 1]);
    expect(arrivals(backend, 'upsertResponse')).to.deep.equal({ [r.responseId]: 1 });
    expect(backend.state.responses.get(r.responseId)?.finished).to.equal(true);
    second.close();
  });

  for (const consent of [false, true]) {
    it(`the next page opens its store after its first read, then delivers what the first left${consent ? ' (consent mode, consent given)' : ''}`, async () => {
      const backend = await serve();
      const storeName = `after-read-${newId()}`;
      const item = await leaveQueued(storeName);
      // the next page's first read is slow: opening IndexedDB meanwhile would slow it down further
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      worker.use(http.get(`${API}/v1/surveys/nps`, async () => (await gate, undefined)));
      const opened: string[] = [];
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
        opened.push(name);
        return open.call(this, name, version);
      };
      try {
        const second = client({ storeName, consentRequired: consent });
        if (consent) await second.setConsent(true); // as every page does once the visitor has consented
        const read = getSurvey(second, 'nps');
        await new Promise((r) => setTimeout(r, 100));
        expect(opened, 'no store opened while the read is in flight').to.deep.equal([]);
        expect(backend.state.feedback.size).to.equal(0);
        release();
        expect((await read).id).to.equal('nps');
        await until(() => backend.state.feedback.size === 1, 4000, 'delivery after the read');
        expect(opened).to.deep.equal([storeName]);
        expect(arrivals(backend, 'submitFeedback')[item.id]).to.equal(1);
        second.close();
      } finally {
        IDBFactory.prototype.open = open;
      }
    });
  }

  it('a first read that hangs opens the store 3 s after it began, and what the earlier page left is delivered', async () => {
    const backend = await serve();
    const storeName = `hung-read-${newId()}`;
    const item = await leaveQueued(storeName);
    // a custom backend whose reads never answer (no timeout of ours applies to a Backend object)
    const rest = restBackend({ endpoint: API, site: 'test' });
    const second = client({ storeName, backend: { ...rest, getSurvey: () => new Promise<never>(() => {}) } });
    void getSurvey(second, 'nps');
    await new Promise((r) => setTimeout(r, 1000));
    expect(backend.state.feedback.size, 'nothing sent while the read may still answer').to.equal(0);
    await until(() => backend.state.feedback.size === 1, 8000, 'delivery despite the hung read');
    expect(arrivals(backend, 'submitFeedback')[item.id]).to.equal(1);
    second.close();
  });

  it('consent granted as the next page starts (what getClient does) keeps and delivers what the first page left', async () => {
    const backend = await serve();
    const { openStore } = await import('../src/index.ts');
    const storeName = `consent-${newId()}`;
    const left = async () => (await (await openStore(storeName)).values('outbox:test:')).length;
    const back = goOffline();
    const first = client({ storeName, consentRequired: true });
    await first.setConsent(true);
    const item = feedback('left');
    expect((await sendFeedback(first, item)).state).to.equal('queued');
    first.close();
    const second = client({ storeName, consentRequired: true });
    await second.setConsent(true); // before its store opened
    await second.ready;
    expect(await left(), 'still stored while offline').to.equal(1);
    back();
    await second.outbox.flush(true);
    await until(() => backend.state.feedback.size === 1, 4000, 'delivery once online');
    expect(arrivals(backend, 'submitFeedback')[item.id]).to.equal(1);
    expect(await left()).to.equal(0);
    second.close();
  });

  it('two tabs over the same storage never send the same item twice', async () => {
    const backend = await serve();
    const storeName = `tabs-${newId()}`;
    const back = goOffline();
    const a = client({ storeName });
    const b = client({ storeName });
    const fromA = [feedback('a1'), feedback('a2'), feedback('a3')];
    const fromB = [feedback('b1'), feedback('b2')];
    await Promise.all([...fromA.map((f) => sendFeedback(a, f)), ...fromB.map((f) => sendFeedback(b, f))]);
    back();
    await Promise.all([a.outbox.flush(), b.outbox.flush(), a.outbox.flush(), b.outbox.flush()]);
    await until(() => backend.state.feedback.size === 5, 4000, 'all five delivered');
    const counts = arrivals(backend, 'submitFeedback');
    expect([...fromA, ...fromB].map((f) => counts[f.id])).to.deep.equal([1, 1, 1, 1, 1]);
    a.close();
    b.close();
  });

  it('each item state is observable: queued, sending, delivered', async () => {
    await serve();
    const c = client();
    const seen: string[] = [];
    c.events.on('delivery', ({ item }) => seen.push(item.state));
    await sendFeedback(c, feedback());
    expect(seen).to.deep.equal(['queued', 'sending', 'delivered']);
    c.close();
  });
});
