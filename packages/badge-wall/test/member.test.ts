import { expect } from '@esm-bundle/chai';
import { $, $$, badgeButton, memoryBackend, mount, names, recordEvents, seed, settle, text, tick, until } from './harness.ts';

describe('<kith-badge-wall> member mode', () => {
  it('shows the earned badges of a member id, with the count and points', async () => {
    const el = await mount({ member: 'ana' });
    expect(text($(el, '[part=title]'))).to.equal('Ana');
    expect(text($(el, '[part=summary]'))).to.equal('2 of 5 earned · 120 points');
    expect(names(el)).to.deep.equal(['First post', 'Helper']);
    expect($$(el, '[part~=badge-locked]')).to.have.length(0);
  });

  it('adds locked badges after the earned ones, with progress only when asked', async () => {
    const el = await mount({ member: 'ana', 'show-locked': '' });
    expect(names(el)).to.deep.equal(['First post', 'Helper', 'Voice', 'Legend', '<img src=x onerror="window.pwned=1">']);
    const locked = $$(el, '[part~=badge-locked]');
    expect(locked).to.have.length(3);
    expect(text(locked[0])).to.contain('Locked');
    expect($$(el, '[role=progressbar]')).to.have.length(0);

    el.showProgress = true;
    await el.updateComplete;
    const bars = $$(el, '[role=progressbar]');
    expect(bars.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Voice: 1 of 3', 'Legend: 120 of 1,000']);
    expect(bars[0]!.getAttribute('aria-valuenow')).to.equal('1');
    expect(bars[0]!.getAttribute('aria-valuemax')).to.equal('3');
  });

  it('filters by tier and limits the count', async () => {
    const el = await mount({ member: 'ana', 'show-locked': '', tiers: 'gold, legend' });
    expect(names(el)).to.deep.equal(['Voice', 'Legend']);
    el.tiers = undefined;
    el.limit = 3;
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['First post', 'Helper', 'Voice']);
  });

  it("shows badge names, descriptions, criteria, image alt and tier labels in the visitor's language", async () => {
    const s = seed();
    s.tiers![1]!.label = { en: 'Gold', es: 'Oro' };
    Object.assign(s.badges[0]!, { name: { en: 'First post', es: 'Primer mensaje' }, description: { en: 'You said hello.', es: 'Saludaste.' } });
    Object.assign(s.badges[1]!, { icon: { url: s.badges[1]!.icon.url, alt: { en: 'Two hands', es: 'Dos manos' } } });
    Object.assign(s.badges[2]!, { name: { en: 'Voice', fr: 'Voix' }, criteria: { en: 'Send us feedback 3 times.', es: 'Envíanos tu opinión 3 veces.' } });
    const el = await mount({ member: 'ana', 'show-locked': '', 'show-progress': '', locale: 'es' }, memoryBackend(s));
    expect(names(el).slice(0, 3)).to.deep.equal(['Primer mensaje', 'Helper', 'Voice']); // no es: the English
    expect(badgeButton(el, 'Helper').querySelector('img')!.alt).to.equal('Dos manos');
    expect(text(badgeButton(el, 'Voice').querySelector('[part=tier]'))).to.equal('Oro');
    expect($$(el, '[role=progressbar]')[0]!.getAttribute('aria-label')).to.match(/^Voice: /);
    badgeButton(el, 'Voice').click();
    await until(() => $<HTMLDialogElement>(el, 'dialog')!.open);
    await el.updateComplete;
    expect(text($(el, 'dialog'))).to.contain('Voice').and.contain('Oro').and.contain('Envíanos tu opinión 3 veces.');
    el.close();
    badgeButton(el, 'Primer mensaje').click();
    await until(() => text($(el, 'dialog h3')) === 'Primer mensaje');
    expect(text($(el, 'dialog'))).to.contain('Saludaste.');
  });

  it('labels tiers from the backend (else by id), and colors them through --kith-tier-<id>', async () => {
    const el = await mount({ member: 'ana', 'show-locked': '', locale: 'es' });
    const tier = (name: string) => badgeButton(el, name).querySelector<HTMLElement>('[part=tier]')!;
    expect(text(tier('Legend'))).to.equal('Legend'); // the backend's label
    expect(text(tier('Helper'))).to.equal('silver'); // a tier the backend did not list
    expect(badgeButton(el, 'Legend').style.getPropertyValue('--_tier')).to.equal('var(--kith-tier-legend, rgb(124, 58, 237))');
    el.style.setProperty('--kith-tier-legend', 'rgb(1, 2, 3)');
    expect(getComputedStyle(tier('Legend'), '::before').backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('renders backend strings as text and images lazily with their alt text', async () => {
    const el = await mount({ member: 'ana', 'show-locked': '' });
    expect($(el, 'img[src="x"]')).to.equal(null);
    expect((window as any).pwned).to.equal(undefined);
    const img = badgeButton(el, 'Helper').querySelector('img')!;
    expect(img.alt).to.equal('Two hands');
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.src).to.match(/^http/);
  });

  it('never renders a non-http(s) image from a custom backend: the response is refused', async () => {
    const s = seed();
    s.badges[1]!.icon = { url: 'javascript:alert(1)' };
    const orig = console.error;
    console.error = () => {};
    try {
      const el = await mount({ member: 'ana' }, memoryBackend(s));
      expect($(el, 'img')).to.equal(null);
      expect(text($(el, '[part=error]'))).to.equal('The server sent something unexpected.');
    } finally {
      console.error = orig;
    }
  });

  it('opens a detail with criteria, date and progress, and emits kith-badge-open', async () => {
    const el = await mount({ member: 'ana', 'show-locked': '', locale: 'en-US' });
    const events = recordEvents();
    badgeButton(el, 'First post').click();
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await until(() => dialog.open, 2000, 'the detail'); // its content loads on first use
    expect(text(dialog.querySelector('h3'))).to.equal('First post');
    expect(text(dialog)).to.contain('Earned March 2, 2025').and.contain('How to earn it').and.contain('Write your first post.').and.contain('You said hello.');
    expect(dialog.querySelector('time')!.getAttribute('datetime')).to.equal('2025-03-02T10:00:00Z');
    el.close();
    expect(dialog.open).to.equal(false);
    badgeButton(el, 'Voice').click();
    await until(() => dialog.open && text(dialog).includes('Voice'), 2000, 'the second detail');
    expect(text(dialog)).to.contain('Locked').and.contain('Gold · 50 points').and.contain('1 of 3');
    expect(dialog.querySelector('[role=progressbar]')).to.not.equal(null);
    expect(events.seen).to.deep.equal([
      { type: 'kith-badge-open', detail: { badgeId: 'first-post', mode: 'member', earned: true } },
      { type: 'kith-badge-open', detail: { badgeId: 'voice', mode: 'member', earned: false } },
    ]);
    events.stop();
  });

  it('lets a page cancel kith-badge-open to show its own detail', async () => {
    const el = await mount({ member: 'ana' });
    el.addEventListener('kith-badge-open', (e) => e.preventDefault(), { once: true });
    badgeButton(el, 'Helper').click();
    await tick(50);
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
  });

  it('marks badges earned since the last view as new (remembered in localStorage)', async () => {
    const s = seed();
    const backend = memoryBackend(s);
    const site = 'new-site';
    const first = await mount({ member: 'ana', site }, backend);
    expect($$(first, '[part~=badge-new]')).to.have.length(0); // a first view has nothing to compare with
    first.remove();

    s.members[0]!.earned!.voice = new Date().toISOString();
    const events = recordEvents();
    const second = await mount({ member: 'ana', site }, backend);
    expect($$(second, '[part~=badge-new]').map((b) => text(b.querySelector('[part=name]')))).to.deep.equal(['Voice']);
    expect(text(badgeButton(second, 'Voice'))).to.contain('New');
    expect(text($(second, '[role=status]'))).to.equal('New badge earned: Voice');
    expect(events.seen).to.deep.equal([{ type: 'kith-badge-earned', detail: { memberId: 'ana', badgeIds: ['voice'] } }]);
    events.stop();
    second.remove();

    const third = await mount({ member: 'ana', site }, backend);
    expect($$(third, '[part~=badge-new]')).to.have.length(0); // seen now
  });

  it('announces a new badge in the visitor\'s language', async () => {
    const s = seed();
    const backend = memoryBackend(s);
    const site = 'new-site-es';
    (await mount({ member: 'ana', site, locale: 'es' }, backend)).remove();
    s.members[0]!.earned!.voice = new Date().toISOString();
    const second = await mount({ member: 'ana', site, locale: 'es' }, backend);
    expect(text($(second, '[role=status]'))).to.equal('Nueva insignia obtenida: Voice');
    second.remove();
  });

  it('lists several new badges as the visitor\'s language does (ar: و, not a bare comma)', async () => {
    const s = seed();
    const backend = memoryBackend(s);
    for (const [locale, said] of [
      ['es', 'Nueva insignia obtenida: Voice y Legend'],
      ['ar', ': Voice وLegend'],
    ] as const) {
      const site = `several-${locale}`;
      s.members[0]!.earned = { 'first-post': '2025-03-02T10:00:00Z', helper: '2025-04-10T10:00:00Z' };
      (await mount({ member: 'ana', site, locale }, backend)).remove();
      s.members[0]!.earned!.voice = s.members[0]!.earned!.legend = new Date().toISOString();
      const el = await mount({ member: 'ana', site, locale }, backend);
      expect(text($(el, '[role=status]'))).to.contain(said);
      el.remove();
    }
  });

  it('shows a member with nothing earned an empty message', async () => {
    const el = await mount({ member: 'cy' });
    expect(text($(el, '[part=message]'))).to.equal('No badges yet.');
  });

  it('shows the error state for an unknown member, and fetches again when the attribute changes', async () => {
    const el = await mount({ member: 'zed' });
    expect(text($(el, '[part=error]'))).to.equal('This content was not found.');
    el.retry();
    el.setAttribute('member', 'bo');
    await until(() => names(el).length === 2, 3000, 'Bo’s badges');
    expect(names(el)).to.deep.equal(['First post', 'Voice']);
  });

  it('refuses an invalid attribute with a console error and a polite error state', async () => {
    const errors: string[] = [];
    const orig = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      const el = await mount({ member: 'ana', mode: 'wall' });
      await tick();
      expect(errors.some((m) => m.includes('mode="wall"'))).to.equal(true);
      expect($(el, '[part=error]')!.getAttribute('role')).to.equal('status');
      el.setAttribute('mode', 'catalog');
      await settle(el);
      await until(() => names(el).length === 5, 3000, 'the catalog');
    } finally {
      console.error = orig;
    }
  });
});
