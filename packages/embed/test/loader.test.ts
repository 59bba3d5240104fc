import { expect } from '@esm-bundle/chai';
import { getConfig } from '@kith/client';
import { install, widgets, type KithApi } from '../src/loader.ts';

const loads: string[] = [];
for (const tag of Object.keys(widgets)) widgets[tag] = async () => void loads.push(tag);

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('kith.js loader', () => {
  let api: KithApi;
  before(async () => {
    document.body.innerHTML = '<main><kith-survey survey="x"></kith-survey></main>';
    // the inline stub a page may run before the loader arrives
    const w = window as unknown as { Kith: { q?: unknown[][] } & ((...a: unknown[]) => void) };
    w.Kith = Object.assign((...a: unknown[]) => void (w.Kith.q = w.Kith.q ?? []).push(a), {});
    w.Kith('configure', { locale: 'es' });
    w.Kith('identify', 'member-token-1');
    const script = document.createElement('script');
    script.dataset.endpoint = 'https://api.example.test/';
    script.dataset.site = 'shop';
    script.dataset.theme = 'dark';
    api = install(script);
    await tick();
  });

  it('loads only the widgets the page uses', () => {
    expect(loads).to.deep.equal(['kith-survey']);
  });

  it('reserves an inline survey\'s room before its code arrives, not a popover\'s', () => {
    // the stubbed widget loaders never define the elements: this is the page before the chunks land
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const survey = document.querySelector('kith-survey')!;
    expect(customElements.get('kith-survey')).to.equal(undefined);
    expect(survey.getBoundingClientRect().height).to.equal(14 * rem);
    const popover = document.createElement('kith-survey');
    popover.setAttribute('display', 'popover');
    const wall = document.createElement('kith-badge-wall');
    wall.style.setProperty('--kith-badge-wall-min-height', '3rem');
    document.body.append(popover, wall);
    try {
      expect(popover.getBoundingClientRect().height).to.equal(0);
      expect(wall.getBoundingClientRect().height).to.equal(3 * rem);
    } finally {
      popover.remove();
      wall.remove();
    }
  });

  it('loads a widget added to the page later, once', async () => {
    const div = document.createElement('div');
    div.innerHTML = '<kith-badge-wall></kith-badge-wall><kith-badge-wall></kith-badge-wall>';
    document.body.append(div);
    document.body.append(document.createElement('kith-feedback'));
    await tick();
    expect(loads).to.deep.equal(['kith-survey', 'kith-badge-wall', 'kith-feedback']);
  });

  it('applies the script tag config, then the calls queued before it arrived', async () => {
    await tick();
    const c = getConfig();
    expect(c.endpoint).to.equal('https://api.example.test');
    expect(c.site).to.equal('shop');
    expect(c.theme).to.equal('dark');
    expect(c.locale).to.equal('es');
    expect(c.memberToken).to.equal('member-token-1');
  });

  it('Kith.on hears kith-* events from anywhere on the page', () => {
    const got: unknown[] = [];
    const off = api.on('kith-survey-complete', (detail) => got.push(detail));
    document.querySelector('kith-survey')!.dispatchEvent(new CustomEvent('kith-survey-complete', { detail: { surveyId: 'x' }, bubbles: true, composed: true }));
    off();
    document.querySelector('kith-survey')!.dispatchEvent(new CustomEvent('kith-survey-complete', { detail: {}, bubbles: true }));
    expect(got).to.deep.equal([{ surveyId: 'x' }]);
  });

  it('Kith.consent and Kith(method, ...) reach the same API', async () => {
    await api('consent', true);
    expect(getConfig().consent).to.equal(true);
  });
});
