import { expect } from '@esm-bundle/chai';
import 'axe-core/axe.min.js';
import { KithError } from '@kith/client';
import type { KithFeedback } from '../src/index.ts';
import { $, axe, focused, keys, mount, record, submit, testBackend, tick, type, until } from './harness.ts';

const dialog = (el: KithFeedback) => $<HTMLDialogElement>(el, 'dialog')!;

/** A fixed page header at the maximum z-index, placed by `inset` (a rude page's, covering widgets). */
function pageHeader(inset: string) {
  const header = document.createElement('header');
  header.style.cssText = `position:fixed;${inset};z-index:2147483647;background:#111`;
  document.body.append(header);
  return header;
}
const launcher = (el: KithFeedback) => $<HTMLButtonElement>(el, '[part=launcher]')!;

describe('<kith-feedback display="launcher">', () => {
  it('a floating button with a localized or custom label; the panel opens and closes', async () => {
    const el = await mount({ display: 'launcher', locale: 'id' });
    const btn = launcher(el);
    expect(btn.textContent!.trim()).to.equal('Masukan');
    expect(getComputedStyle(btn).position).to.equal('fixed');
    expect(btn.getAttribute('aria-expanded')).to.equal('false');
    expect(dialog(el).open).to.equal(false);
    expect(el.getBoundingClientRect().height).to.equal(0); // takes no room in the page
    const events = record(el);
    btn.click();
    await until(() => dialog(el).open);
    await tick();
    expect(el.isOpen).to.equal(true);
    expect(btn.getAttribute('aria-expanded')).to.equal('true');
    expect(btn.getAttribute('aria-controls')).to.equal(dialog(el).id);
    expect(focused() === $(el, '#message')).to.equal(true);
    expect(dialog(el).getAttribute('aria-labelledby')).to.equal('title');
    btn.click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(events.map((e) => [e.type, e.detail.display])).to.deep.equal([
      ['kith-feedback-open', 'launcher'],
      ['kith-feedback-close', 'launcher'],
    ]);
    el.setAttribute('launcher-label', 'Ideas?');
    await el.updateComplete;
    expect(launcher(el).textContent!.trim()).to.equal('Ideas?');
  });

  it('sits in the top layer above a page header at the maximum z-index, also after being moved', async () => {
    const header = pageHeader('inset:0 0 auto 0;height:120px');
    try {
      const el = await mount({ display: 'launcher', position: 'top-right' });
      const hit = () => {
        const b = launcher(el).getBoundingClientRect();
        const x = b.left + b.width / 2;
        const y = b.top + b.height / 2;
        return document.elementFromPoint(x, y) === el && el.shadowRoot!.elementFromPoint(x, y) === launcher(el);
      };
      expect(launcher(el).matches(':popover-open')).to.equal(true);
      expect(hit(), 'the launcher, not the header, is under the pointer').to.equal(true);
      document.body.append(el); // a framework moving the element: out of the top layer and back
      await el.updateComplete;
      expect(hit(), 'still on top after the move').to.equal(true);
    } finally {
      header.remove();
    }
  });

  for (const [position, v, h] of [
    ['bottom-right', 'bottom', 'right'],
    ['bottom-left', 'bottom', 'left'],
    ['top-right', 'top', 'right'],
    ['top-left', 'top', 'left'],
  ] as const) {
    it(`position="${position}" puts the launcher and its panel in that corner`, async () => {
      const el = await mount({ display: 'launcher', position });
      el.open();
      await until(() => dialog(el).open);
      for (const box of [launcher(el).getBoundingClientRect(), dialog(el).getBoundingClientRect()]) {
        if (v === 'bottom') expect(innerHeight - box.bottom).to.be.within(8, 80);
        else expect(box.top).to.be.within(8, 80);
        if (h === 'right') expect(innerWidth - box.right).to.be.within(8, 24);
        else expect(box.left).to.be.within(8, 24);
      }
    });
  }

  it('an open panel stays in the top layer, above a page header at the maximum z-index, when the element is moved', async () => {
    const header = pageHeader('inset:0');
    try {
      const el = await mount({ display: 'launcher', position: 'top-right' });
      el.open();
      await until(() => dialog(el).open);
      await tick();
      const onTop = () => {
        const b = dialog(el).getBoundingClientRect();
        return document.elementFromPoint(b.left + b.width / 2, b.top + 20) === el;
      };
      expect(onTop(), 'before the move').to.equal(true);
      document.body.append(el); // a framework moving the element while the panel is open
      await el.updateComplete;
      await tick();
      expect(el.isOpen).to.equal(true);
      expect(onTop(), 'after the move').to.equal(true);
    } finally {
      header.remove();
    }
  });

  it('a panel opened just before the element is taken out is usable once it is back (never open and inert)', async () => {
    const el = await mount({ display: 'launcher' });
    el.open();
    el.remove(); // a router swapping the view in the same task, say
    await tick();
    document.body.append(el);
    await el.updateComplete;
    await tick();
    expect(dialog(el).open && dialog(el).inert, 'a visible panel nobody can type into').to.equal(false);
  });

  it('open() and close() methods; Esc closes and focus returns to the launcher', async () => {
    const el = await mount({ display: 'launcher' });
    launcher(el).focus();
    el.open();
    await until(() => focused() === $(el, '#message'));
    $(el, '#message')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.isOpen).to.equal(false);
    expect(focused() === launcher(el)).to.equal(true);
    el.open();
    await until(() => dialog(el).open);
    el.close();
    expect(dialog(el).open).to.equal(false);
  });

  it('the draft is kept while the panel is closed; after "sent" a new opening shows an empty form', async () => {
    const b = testBackend();
    const el = await mount({ display: 'launcher' }, b);
    el.open();
    await until(() => dialog(el).open);
    await type(el, '#message', 'Keep me');
    el.close();
    el.open();
    await until(() => dialog(el).open);
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('Keep me');
    await submit(el);
    await until(() => el.state === 'sent');
    el.close();
    el.open();
    await until(() => dialog(el).open);
    expect(el.state).to.equal('idle');
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('');
  });

  it('keyboard only: Tab to the launcher, Enter, type, Tab to send, Enter, then Esc back to the launcher', async () => {
    const b = testBackend();
    const el = await mount({ display: 'launcher', rating: 'stars' }, b);
    (document.activeElement as HTMLElement | null)?.blur();
    await keys({ press: 'Tab' });
    expect(focused() === launcher(el)).to.equal(true);
    await keys({ press: 'Enter' });
    await until(() => focused() === $(el, '#message'), 2000, 'focus in the message');
    await keys({ type: 'Typed with keys' });
    await keys({ press: 'Tab' }); // the star rating: one tab stop
    await keys({ press: 'ArrowRight' }); // from the first star: the second is picked
    await keys({ press: 'ArrowRight' }); // the third
    await keys({ press: 'Tab' }); // past the honeypot (not tabbable) to the send button
    expect(focused() === $(el, '[part~=submit]')).to.equal(true);
    await keys({ press: 'Enter' });
    await until(() => el.state === 'sent');
    const [item] = [...b.state.feedback.values()];
    expect(item).to.include({ message: 'Typed with keys', rating: 3 });
    await until(() => focused() === $(el, 'h2'), 2000, 'focus on the thank-you');
    await keys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.isOpen).to.equal(false);
    expect(focused() === launcher(el)).to.equal(true);
  });
});

describe('<kith-feedback> accessibility (axe-core)', () => {
  const themes: Record<string, string>[] = [{}, { theme: 'dark' }, { locale: 'ar' }, { locale: 'ar', theme: 'dark' }];
  const all = { categories: 'bug,idea,praise', rating: 'stars', email: 'optional', placeholder: 'Tell us' };

  async function check(el: KithFeedback, what: string) {
    await el.updateComplete;
    const v = await axe(el);
    expect(v, what).to.deep.equal([]);
  }

  for (const t of themes) {
    const label = JSON.stringify(t);
    it(`no violations in every state, inline, ${label}`, async () => {
      const b = testBackend();
      const el = await mount({ ...all, ...t }, b);
      await check(el, 'idle');
      await type(el, '#message', 'x');
      await type(el, '#email', 'bad');
      await submit(el);
      await check(el, 'invalid');
      await type(el, '#email', 'ana@example.com');
      b.fault = 'hold';
      await submit(el);
      await check(el, 'sending');
      b.release();
      await until(() => el.state === 'sent');
      await check(el, 'sent');
      $<HTMLButtonElement>(el, '[part~=more]')!.click();
      await tick();
      b.fault = new KithError('rejected', 'No', { status: 422, problem: { type: 'about:blank', title: 'No', status: 422, detail: 'Nope.' } });
      await type(el, '#message', 'again');
      await submit(el);
      await until(() => el.state === 'rejected');
      await check(el, 'rejected');
      b.fault = new KithError('rate-limited', 'Slow', { status: 429, retryAfter: 60 });
      await submit(el);
      await until(() => el.state === 'rate-limited');
      await check(el, 'rate-limited');
      const q = testBackend();
      q.fault = 'offline';
      const off = await mount({ ...t }, q);
      await type(off, '#message', 'offline');
      await submit(off);
      await until(() => off.state === 'queued');
      await check(off, 'queued');
    });

    it(`no violations with the launcher closed and open, rating thumbs and emoji, ${label}`, async () => {
      const el = await mount({ ...all, ...t, display: 'launcher', rating: 'thumbs' });
      await check(el, 'closed');
      el.open();
      await until(() => dialog(el).open);
      await check(el, 'open');
      const emoji = await mount({ ...t, rating: 'emoji' });
      await check(emoji, 'emoji');
    });
  }

  it('the misconfigured error state has no violations', async () => {
    const orig = console.error;
    console.error = () => {};
    try {
      const el = await mount({ email: 'maybe' });
      await check(el, 'error');
    } finally {
      console.error = orig;
    }
  });
});
