import { expect } from '@esm-bundle/chai';
import { createClient, newId, type Backend } from '@kith/client';
import { sendFeedback } from '@kith/client/feedback';
import { KithBadgeWall } from '../src/index.ts';
import { $, $$, badgeButton, memoryBackend, mount, names, recordEvents, seed, text, tick, until } from './harness.ts';

/** A backend whose badge rule awards "Voice" to Ana on her feedback, like the reference server; counts badge fetches. */
function rewarding() {
  const s = seed();
  const b = memoryBackend(s);
  let fetches = 0;
  let failing = false;
  const backend: Backend = {
    ...b,
    async submitFeedback(body, ctx) {
      const ack = await b.submitFeedback(body, ctx);
      if (ctx?.memberToken === 'tok-ana') s.members[0]!.earned!.voice = new Date().toISOString();
      return ack;
    },
    async getMemberBadges(id, ctx) {
      fetches++;
      if (failing) throw new TypeError('Failed to fetch');
      return b.getMemberBadges(id, ctx);
    },
  };
  return { backend, fetches: () => fetches, fail: () => (failing = true) };
}

/** What <kith-feedback> does after the server acknowledged: a bubbling, composed event from its shadow root. */
function feedbackSent(id: string) {
  const host = document.createElement('div');
  const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
  document.body.append(host);
  inner.dispatchEvent(new CustomEvent('kith-feedback-sent', { bubbles: true, composed: true, detail: { id } }));
  host.remove();
}

describe('<kith-badge-wall> reward refresh', () => {
  afterEach(() => (KithBadgeWall.refreshDelay = 1000));

  it('shows a badge earned by a feedback submission elsewhere on the page, highlighted as new', async () => {
    const { backend } = rewarding();
    const el = await mount({ 'member-token': 'tok-ana', 'show-locked': '' }, backend);
    expect($$(el, '[part~=badge-locked]').map((b) => text(b.querySelector('[part=name]')))).to.include('Voice');
    const events = recordEvents();

    const client = createClient({ backend, site: 'feedback-box', memberToken: 'tok-ana', store: 'memory' });
    const id = newId();
    const delivery = await sendFeedback(client, { id, message: 'Love the new docs' });
    expect(delivery.state).to.equal('sent');
    feedbackSent(id);

    await until(() => $$(el, '[part~=badge-new]').length === 1, 4000, 'the new badge');
    expect(names(el).slice(0, 3)).to.deep.equal(['First post', 'Helper', 'Voice']);
    expect(badgeButton(el, 'Voice').matches('[part~=badge-locked]')).to.equal(false);
    expect(text(badgeButton(el, 'Voice'))).to.contain('New');
    expect(text($(el, '[part=summary]'))).to.equal('3 of 5 earned · 120 points');
    expect(text($(el, '[role=status]'))).to.equal('New badge earned: Voice');
    expect(events.seen).to.deep.equal([{ type: 'kith-badge-earned', detail: { memberId: 'ana', badgeIds: ['voice'] } }]);
    events.stop();
  });

  it('fetches once for a burst of survey, vote and feedback events', async () => {
    KithBadgeWall.refreshDelay = 50;
    const { backend, fetches } = rewarding();
    const el = await mount({ 'member-token': 'tok-ana' }, backend);
    expect(fetches()).to.equal(1);
    for (const type of ['kith-survey-complete', 'kith-topic-vote', 'kith-feedback-sent'])
      document.body.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail: {} }));
    await until(() => fetches() === 2, 3000, 'a second fetch');
    await tick(200);
    expect(fetches()).to.equal(2);
    expect(names(el)).to.deep.equal(['First post', 'Helper']);
  });

  it('keeps what it shows when a refresh fails', async () => {
    KithBadgeWall.refreshDelay = 0;
    const { backend, fetches, fail } = rewarding();
    const el = await mount({ 'member-token': 'tok-ana' }, backend);
    fail();
    feedbackSent('x');
    await until(() => fetches() === 2, 3000, 'the failed fetch');
    await tick(50);
    expect($(el, '[part=error]')).to.equal(null);
    expect(names(el)).to.deep.equal(['First post', 'Helper']);
  });

  it('ignores page events after it left the page', async () => {
    KithBadgeWall.refreshDelay = 0;
    const { backend, fetches } = rewarding();
    const el = await mount({ 'member-token': 'tok-ana' }, backend);
    el.remove();
    feedbackSent('y');
    await tick(50);
    expect(fetches()).to.equal(1);
  });

  it('refresh() fetches at once', async () => {
    const { backend, fetches } = rewarding();
    const el = await mount({ mode: 'member', member: 'ana' }, backend);
    await el.refresh();
    expect(fetches()).to.equal(2);
  });
});
