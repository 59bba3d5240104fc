// <kith-survey> when a single-page app moves it: removed and re-added while open, or removed while
// its definition is still loading.
import { expect } from '@esm-bundle/chai';
import { getClient } from '@kith/client';
import type { KithSurvey } from '../src/index.ts';
import { $, backend, mount, newSite, tick, until } from './harness.ts';

const dialog = (el: Element) => $<HTMLDialogElement>(el, 'dialog')!;

/** A custom Backend (as `backend` allows) whose survey call takes a while and does not watch ctx.signal. */
function slow() {
  const b = backend();
  const get = b.getSurvey;
  b.getSurvey = async (id, ctx) => (await tick(150), get(id, ctx));
  return b;
}

function element(attrs: Record<string, string>, b = slow()) {
  const el = document.createElement('kith-survey') as KithSurvey;
  for (const [k, v] of Object.entries({ eager: '', site: newSite(), survey: 'nps', ...attrs })) el.setAttribute(k, v);
  el.backend = b;
  return el;
}

describe('<kith-survey> moved in the page', () => {
  it('a modal survey moved while open opens again as a modal (page inert, backdrop, top layer)', async () => {
    const el = await mount({ survey: 'nps', display: 'modal' });
    await until(() => dialog(el).matches(':modal'));
    el.remove();
    document.body.append(el);
    await until(() => el.isOpen);
    await el.updateComplete;
    await tick(50);
    expect([dialog(el).open, dialog(el).matches(':modal')]).to.deep.equal([true, true]);
  });

  it('a manual modal survey moved while open: open() afterwards shows it modal', async () => {
    const el = await mount({ survey: 'nps', display: 'modal', trigger: 'manual' });
    el.open();
    await until(() => dialog(el).matches(':modal'));
    el.remove();
    document.body.append(el);
    await tick(100);
    el.open();
    await until(() => el.isOpen);
    await tick(50);
    expect(dialog(el).matches(':modal')).to.equal(true);
  });

  it('a manual popover survey moved while open leaves nothing on screen (it was an empty box that could not be closed)', async () => {
    const el = await mount({ survey: 'nps', display: 'popover', trigger: 'manual' });
    el.open();
    await until(() => dialog(el).open && !!$(el, '.q'));
    el.remove();
    document.body.append(el);
    await tick(200);
    await el.updateComplete;
    const d = dialog(el);
    expect([el.isOpen, d.open, d.matches(':popover-open')]).to.deep.equal([false, false, false]);
  });

  it('a modal survey switched to inline while open (a responsive app) lets the page scroll again', async () => {
    const overflow = () => getComputedStyle(document.documentElement).overflowY;
    const sheets = document.adoptedStyleSheets.length;
    const el = await mount({ survey: 'nps', display: 'modal' });
    await until(() => dialog(el)?.matches(':modal'));
    expect(overflow()).to.equal('hidden');
    el.setAttribute('display', 'inline');
    await el.updateComplete;
    await tick(50);
    expect([$(el, 'dialog'), !!$(el, '.q')]).to.deep.equal([null, true]); // no dialog: the survey shows inline
    expect([overflow(), document.adoptedStyleSheets.length]).to.deep.equal(['visible', sheets]);
  });

  for (const trigger of ['immediate', 'exit-intent']) {
    it(`${trigger}: removed before its definition arrived, it neither opens nor counts a view`, async () => {
      const b = slow();
      const tracked: string[] = [];
      getClient({ backend: b }).events.on('track', (e) => tracked.push(`${e.type}:${e.widget}`));
      const el = element({ display: 'popover', trigger }, b);
      const views: string[] = [];
      el.addEventListener('kith-survey-view', () => views.push('view'));
      document.body.append(el);
      await tick(30);
      el.remove(); // a route change before the definition arrived
      await tick(400);
      document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null })); // leaving through the top
      await tick(50);
      expect({ open: el.isOpen, views, tracked }).to.deep.equal({ open: false, views: [], tracked: [] });
    });
  }

  it('removed and re-added while its first load is pending: it opens once, with one view', async () => {
    const el = element({ display: 'popover' });
    const views: string[] = [];
    el.addEventListener('kith-survey-view', () => views.push('view'));
    document.body.append(el);
    await tick(30);
    el.remove();
    document.body.append(el); // a framework moving it before the definition arrived
    await until(() => el.isOpen);
    await tick(300);
    el.remove();
    expect(views).to.have.length(1);
  });
});
