// <kith-feedback> in a single-page app: open() and close() in one task, and two boxes on one page.
import { expect } from '@esm-bundle/chai';
import { $, mount, submit, testBackend, tick, type, until } from './harness.ts';

const msg = (el: Element) => $<HTMLTextAreaElement>(el, '#message')!.value;

describe('<kith-feedback> in a single-page app', () => {
  it('open() then close() in one task leaves the panel closed (a framework effect and its cleanup)', async () => {
    const el = await mount({ display: 'launcher' });
    el.open();
    el.close();
    await el.updateComplete;
    await tick(100);
    const d = $<HTMLDialogElement>(el, 'dialog')!;
    expect([el.isOpen, d.open || d.matches(':popover-open')]).to.deep.equal([false, false]);
  });

  it("an inline box and the launcher on one page keep their own drafts, and sending one keeps the other's", async () => {
    const b = testBackend();
    const site = `two-${Date.now()}`;
    const inline = await mount({ site }, b);
    const launcher = await mount({ site, display: 'launcher' }, b);
    launcher.open();
    await until(() => !!$(launcher, '#message'));
    await type(inline, '#message', 'Bug report half written in the inline box');
    await type(launcher, '#message', 'Idea typed in the launcher');
    inline.remove();
    launcher.remove();
    // a reload
    const inline2 = await mount({ site }, b);
    const launcher2 = await mount({ site, display: 'launcher' }, b);
    expect([msg(inline2), msg(launcher2)]).to.deep.equal(['Bug report half written in the inline box', 'Idea typed in the launcher']);
    await submit(launcher2);
    await until(() => launcher2.state === 'sent');
    inline2.remove();
    const inline3 = await mount({ site }, b);
    expect(msg(inline3)).to.equal('Bug report half written in the inline box');
  });
});
