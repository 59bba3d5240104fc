// <kith-hot-topics> in a single-page app: moved while its report dialog is open, changed while out
// of the page, and its live stream across a move.
import { expect } from '@esm-bundle/chai';
import { $, backend, click, mount, tick, topicEl, until } from './harness.ts';

describe('<kith-hot-topics> in a single-page app', () => {
  it('the report dialog, open while the feed is moved, stays modal, and so does the next one', async () => {
    const el = await mount({ reporting: '' });
    await click(el, topicEl(el, 't4').querySelector('[part=report-button]'));
    await until(() => $<HTMLDialogElement>(el, 'dialog')?.matches(':modal'), 3000, 'the report dialog');
    el.remove();
    document.body.append(el);
    await until(() => !el.loading && $(el, '[part=list]'));
    await el.updateComplete;
    const d = $<HTMLDialogElement>(el, 'dialog');
    const afterMove = !d?.open || d.matches(':modal');
    await click(el, topicEl(el, 't1').querySelector('[part=report-button]'));
    await tick(50);
    expect({ afterMove, nextIsModal: $<HTMLDialogElement>(el, 'dialog')!.matches(':modal') }).to.deep.equal({ afterMove: true, nextIsModal: true });
  });

  it('a property changed on a removed live feed fetches nothing and opens no stream until it is back', async () => {
    const b = backend();
    let lists = 0;
    let streams = 0;
    const list = b.listTopics.bind(b);
    const stream = b.streamTopics!.bind(b);
    b.listTopics = (q, ctx) => (lists++, list(q, ctx));
    b.streamTopics = (q, on, ctx) => (streams++, stream(q, on, ctx));
    const el = await mount({ live: '5' }, b);
    await until(() => el.liveMode === 'stream');
    el.remove(); // a route change drops the element...
    const [l, s] = [lists, streams];
    el.tag = 'bugs'; // ...and a bound property still reaches it
    await tick(300);
    expect([lists - l, streams - s]).to.deep.equal([0, 0]);
    document.body.append(el); // back: it loads with the new query
    await until(() => el.liveMode === 'stream' && lists - l === 1);
    el.remove();
  });

  it('moved, its live stream closes and opens again: one stream at a time', async () => {
    const b = backend();
    let active = 0;
    const stream = b.streamTopics!.bind(b);
    b.streamTopics = (q, on, ctx) => (active++, stream(q, on, ctx).finally(() => active--));
    const el = await mount({ live: '5' }, b);
    await until(() => active === 1);
    el.remove();
    await until(() => active === 0);
    document.body.append(el);
    await until(() => active === 1 && el.liveMode === 'stream');
    el.remove();
    document.body.append(el); // a move in one task
    await tick(300);
    expect(active).to.equal(1);
    el.remove();
  });
});

describe('<kith-hot-topics> live set as a property (Vue, Svelte and React pass booleans)', () => {
  it('false is off and true the default live mode', async () => {
    const b = backend();
    let streams = 0;
    const stream = b.streamTopics!.bind(b);
    b.streamTopics = (q, on, ctx) => (streams++, stream(q, on, ctx));
    const off = document.createElement('kith-hot-topics') as import('./harness.ts').KithHotTopics;
    Object.assign(off, { backend: b, eager: true, live: false });
    document.body.append(off);
    await until(() => !off.loading && $(off, '[part=list]'));
    await tick(200);
    expect([streams, off.liveMode]).to.deep.equal([0, 'off']);
    off.remove();
    const on = Object.assign(document.createElement('kith-hot-topics') as import('./harness.ts').KithHotTopics, { backend: b, eager: true, live: true });
    document.body.append(on);
    await until(() => on.liveMode === 'stream');
    expect(streams).to.equal(1);
    on.remove();
  });
});
