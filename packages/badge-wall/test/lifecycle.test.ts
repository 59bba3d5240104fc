// <kith-badge-wall> in a single-page app: moved while its detail is open, and a member signing in or
// out (Kith.identify) after it loaded.
import { expect } from '@esm-bundle/chai';
import { configure } from '@kith/client';
import { $, badgeButton, memoryBackend, mount, names, seed, settle, text, tick, until } from './harness.ts';

describe('<kith-badge-wall> in a single-page app', () => {
  afterEach(() => configure({ memberToken: undefined }));

  it('the detail dialog, open while the wall is moved, stays modal, and so does the next one', async () => {
    const el = await mount({ mode: 'catalog' });
    badgeButton(el, 'Voice').click();
    await until(() => $<HTMLDialogElement>(el, 'dialog')!.matches(':modal'), 2000, 'the detail');
    el.remove();
    document.body.append(el);
    await settle(el);
    const d = $<HTMLDialogElement>(el, 'dialog')!;
    const afterMove = !d.open || d.matches(':modal');
    badgeButton(el, 'Helper').click();
    await tick(100);
    await el.updateComplete;
    expect({ afterMove, nextIsModal: $<HTMLDialogElement>(el, 'dialog')!.matches(':modal') }).to.deep.equal({ afterMove: true, nextIsModal: true });
  });

  it('a member who signs in after the wall loaded (Kith.identify(token)) sees their badges', async () => {
    const el = await mount({}, memoryBackend(seed()));
    expect(text($(el, '[part=message]'))).to.equal('Sign in to see your badges.');
    configure({ memberToken: 'tok-ana' });
    await until(() => names(el).length === 2);
    expect(names(el)).to.deep.equal(['First post', 'Helper']);
  });

  it('a member who signs out (Kith.identify(undefined)) no longer sees their badges on a shared device', async () => {
    configure({ memberToken: 'tok-ana' });
    const el = await mount({}, memoryBackend(seed()));
    expect(names(el)).to.deep.equal(['First post', 'Helper']);
    configure({ memberToken: undefined });
    await until(() => names(el).length === 0);
    expect(text($(el, '[part=message]'))).to.equal('Sign in to see your badges.');
  });
});
