// The feedback box against the REST protocol (msw serving a memory backend at a fake origin):
// the same path a page with `endpoint="https://..."` takes.
import { expect } from '@esm-bundle/chai';
import { API, $, arrivals, fault, goOffline, mount, record, serve, submit, type, until } from './harness.ts';

describe('<kith-feedback> over REST', () => {
  it('sends one POST /v1/feedback and is acknowledged', async () => {
    const backend = await serve();
    const el = await mount({ endpoint: API, categories: 'idea', rating: 'thumbs' });
    $<HTMLInputElement>(el, '[part~=choices] input')!.click();
    $<HTMLInputElement>(el, '[part~=scale] input[aria-label=Good]')!.click();
    await type(el, '#message', 'Dark mode please');
    await submit(el);
    await until(() => el.state === 'sent');
    const [item] = [...backend.state.feedback.values()];
    expect(item).to.include({ message: 'Dark mode please', category: 'idea', rating: 1 });
    expect(arrivals(backend)).to.deep.equal({ [item!.id]: 1 });
  });

  it('offline then online: "saved, will send", then delivered exactly once', async () => {
    const backend = await serve();
    const el = await mount({ endpoint: API });
    const events = record(el);
    const back = goOffline();
    await type(el, '#message', 'Sent from a tunnel');
    await submit(el);
    await until(() => el.state === 'queued');
    expect(backend.state.feedback.size).to.equal(0);
    back();
    window.dispatchEvent(new Event('online'));
    await until(() => el.state === 'sent', 6000, 'delivery after online');
    const [item] = [...backend.state.feedback.values()];
    expect(item!.message).to.equal('Sent from a tunnel');
    expect(arrivals(backend)).to.deep.equal({ [item!.id]: 1 });
    expect(events.filter((e) => e.type === 'kith-feedback-sent').map((e) => e.detail.id)).to.deep.equal([item!.id]);
  });

  it('a 4xx problem+json keeps the text and shows the detail', async () => {
    const backend = await serve();
    const el = await mount({ endpoint: API });
    fault(422, { title: 'Unprocessable', detail: 'Your message looks like spam.' });
    await type(el, '#message', 'Totally real feedback');
    await submit(el);
    await until(() => el.state === 'rejected');
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('Totally real feedback');
    expect($(el, '[role=status]')!.textContent).to.equal('The server refused this request. Your message looks like spam.');
    expect(backend.state.feedback.size).to.equal(0);
  });

  it('429 with Retry-After: the wait is told in words, then it is delivered once', async () => {
    const backend = await serve();
    const el = await mount({ endpoint: API, locale: 'ru' });
    fault(429, { title: 'Too Many Requests' }, { retryAfter: 1 });
    await type(el, '#message', 'Много отзывов');
    await submit(el);
    await until(() => el.state === 'rate-limited');
    await el.updateComplete;
    expect($(el, '[role=status]')!.textContent).to.contain('через 1 секунду');
    await until(() => el.state === 'sent', 6000, 'delivery after Retry-After');
    expect(Object.values(arrivals(backend))).to.deep.equal([1]);
  });
});
