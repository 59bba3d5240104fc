import { expect } from '@esm-bundle/chai';
import { KithError } from '@kith/client';
import { parseTrigger } from '../src/trigger.ts';
import { recordKey } from '../src/visitor-record.ts';
import { $, $$, backend, command, legend, mount, newSite, next, noAxeViolations, pick, press, recordEvents, tick, until } from './harness.ts';

const dialog = (el: Element) => $<HTMLDialogElement>(el, 'dialog')!;

/** The delay/scroll/exit-intent code has loaded (the survey imports the same module) and armed. */
const armed = async () => {
  await import('../src/arm-trigger.ts');
  await tick(10);
};

describe('<kith-survey> display and triggers', () => {
  it('parses triggers', () => {
    expect(parseTrigger('immediate')).to.deep.equal({ kind: 'immediate' });
    expect(parseTrigger('delay:5s')).to.deep.equal({ kind: 'delay', ms: 5000 });
    expect(parseTrigger('delay:2')).to.deep.equal({ kind: 'delay', ms: 2000 });
    expect(parseTrigger('delay:150ms')).to.deep.equal({ kind: 'delay', ms: 150 });
    expect(parseTrigger('scroll:50%')).to.deep.equal({ kind: 'scroll', percent: 50 });
    expect(parseTrigger('scroll:101%')).to.equal(undefined);
    expect(parseTrigger('exit-intent')).to.deep.equal({ kind: 'exit-intent' });
    expect(parseTrigger('manual')).to.deep.equal({ kind: 'manual' });
    expect(parseTrigger('soon')).to.equal(undefined);
  });

  it('inline opens immediately and reserves its space while loading', async () => {
    let release!: () => void;
    const b = backend();
    const get = b.getSurvey;
    b.getSurvey = async (id) => (await new Promise<void>((r) => (release = r)), get(id));
    const el = await mount({ survey: 'nps' }, b);
    const reserved = el.getBoundingClientRect().height;
    expect(reserved).to.be.greaterThan(150); // 14rem
    release();
    await until(() => legend(el));
    expect(el.isOpen).to.equal(true);
    await noAxeViolations(el, 'inline');
  });

  it('delay: opens after the delay', async () => {
    const ev = recordEvents();
    const el = await mount({ survey: 'nps', display: 'popover', trigger: 'delay:150ms' });
    await tick(60);
    expect(el.isOpen).to.equal(false);
    expect(dialog(el).open).to.equal(false);
    await until(() => el.isOpen, 2000, 'delay trigger');
    expect(dialog(el).open).to.equal(true);
    expect(ev.types()).to.deep.equal(['view']);
    ev.stop();
  });

  it('scroll: opens at the scroll depth', async () => {
    const tall = document.createElement('div');
    tall.style.height = '4000px';
    document.body.append(tall);
    try {
      scrollTo(0, 0);
      const el = await mount({ survey: 'nps', display: 'popover', trigger: 'scroll:50%' });
      await armed();
      await tick(50);
      expect(el.isOpen).to.equal(false);
      const max = document.documentElement.scrollHeight - innerHeight;
      scrollTo(0, max * 0.3);
      dispatchEvent(new Event('scroll'));
      await tick(50);
      expect(el.isOpen).to.equal(false);
      scrollTo(0, max * 0.6);
      dispatchEvent(new Event('scroll'));
      await until(() => el.isOpen, 2000, 'scroll trigger');
    } finally {
      tall.remove();
      scrollTo(0, 0);
    }
  });

  it('exit-intent: opens when the pointer leaves through the top', async () => {
    const el = await mount({ survey: 'nps', display: 'modal', trigger: 'exit-intent' });
    await armed(); // the trigger's code is its own chunk: the near-misses below must meet an armed trigger
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 300, relatedTarget: document.body, bubbles: true }));
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 200, bubbles: true })); // leaving sideways, low: no
    await tick(30);
    expect(el.isOpen).to.equal(false);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, bubbles: true }));
    await until(() => el.isOpen && dialog(el).open, 2000, 'exit intent');
    expect(dialog(el).matches(':modal')).to.equal(true);
  });

  it('manual: opens only on open(), even when called before loading', async () => {
    const el = document.createElement('kith-survey');
    el.open(); // before it is even connected
    const mounted = await mount({ survey: 'nps', trigger: 'manual', display: 'popover' });
    await tick(50);
    expect(mounted.isOpen).to.equal(false);
    mounted.open();
    await until(() => mounted.isOpen && dialog(mounted).open);
  });

  it('popover: non-modal, does not steal focus, Esc and the close button dismiss', async () => {
    const ev = recordEvents();
    const el = await mount({ survey: 'nps', display: 'popover' });
    await until(() => dialog(el).open);
    expect(dialog(el).matches(':modal')).to.equal(false);
    expect(document.activeElement === el).to.equal(false);
    expect(dialog(el).getAttribute('aria-labelledby')).to.equal('title');
    await noAxeViolations(el, 'popover');
    $<HTMLInputElement>(el, '.q input')!.focus();
    await press('Escape');
    await until(() => !el.isOpen);
    expect(dialog(el).open).to.equal(false);
    expect(ev.types()).to.deep.equal(['view', 'dismiss']);
    expect(ev.seen[1]!.detail.questionId).to.equal('score');
    ev.stop();
  });

  it('popover: above anything fixed in the top layer (the feedback launcher) and a page header at the maximum z-index', async () => {
    const launcher = document.createElement('button');
    launcher.textContent = 'Feedback';
    launcher.popover = 'manual';
    launcher.style.cssText = 'position:fixed;inset:auto 1rem 1rem auto;margin:0;width:14rem;height:6rem';
    const header = document.createElement('div');
    header.style.cssText = 'position:fixed;inset:auto 0 0 0;height:3rem;z-index:2147483647;background:red';
    document.body.append(launcher, header);
    launcher.showPopover();
    try {
      const el = await mount({ survey: 'nps', display: 'popover' });
      await until(() => dialog(el).open);
      await el.updateComplete;
      for (const part of ['next', 'close']) {
        const r = $(el, `[part~=${part}]`)!.getBoundingClientRect();
        const hit = el.shadowRoot!.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        expect(hit && $(el, `[part~=${part}]`)!.contains(hit), `${part} is what a click there reaches`).to.equal(true);
      }
    } finally {
      launcher.remove();
      header.remove();
    }
  });

  it('popover that opened by itself: Esc returns focus to where the visitor tabbed in from', async () => {
    const before = document.createElement('button');
    before.textContent = 'Page button';
    document.body.prepend(before);
    try {
      const el = await mount({ survey: 'nps', display: 'popover' });
      await until(() => dialog(el).open);
      before.focus();
      $<HTMLInputElement>(el, '.q input')!.focus(); // as Tab from the page button would
      await press('Escape');
      await until(() => !el.isOpen);
      expect(document.activeElement).to.equal(before);
    } finally {
      before.remove();
    }
  });

  it('popover: no backdrop dims the page it leaves usable; a modal dims it', async () => {
    const backdrop = (el: Element) => getComputedStyle(dialog(el), '::backdrop').backgroundColor;
    const pop = await mount({ survey: 'nps', display: 'popover' });
    await until(() => dialog(pop).open);
    expect(backdrop(pop)).to.equal('rgba(0, 0, 0, 0)');
    const modal = await mount({ survey: 'nps', display: 'modal' });
    await until(() => dialog(modal).open);
    expect(backdrop(modal)).to.equal('rgba(0, 0, 0, 0.45)');
  });

  it('a phone-narrow survey: the 0-10 scale keeps one row; at double text size Back and Next wrap instead of widening the form', async () => {
    const box = document.createElement('div');
    box.style.width = '330px'; // a 360px phone's dialog: 296px inside the card's padding
    document.body.append(box);
    try {
      const el = await mount({ survey: 'nps' }, undefined, box);
      await until(() => $$(el, '.q input').length === 11);
      const rows = new Set($$(el, '.q .opt').map((o) => Math.round(o.getBoundingClientRect().top)));
      expect(rows.size, 'rows of the 0-10 scale').to.equal(1);
      el.style.setProperty('--kith-font-size', '2rem');
      await pick(el, '9');
      await next(el);
      const form = $(el, 'form')!;
      expect($$(el, '.nav button').length).to.equal(2);
      expect(form.scrollWidth, 'no sideways overflow').to.be.at.most(form.clientWidth);
    } finally {
      box.remove();
    }
  });

  for (const [theme, accent, text] of [
    ['dark', '#6d4aff', 'oklch(1 0 0)'], // white (the dark theme's default text on its light accent was dark: 3.1:1)
    ['light', '#fde047', 'oklch(0 0 0)'], // black (white on yellow: 1.3:1)
    ['light', '#808080', 'oklch(0 0 0)'], // black, 5.3:1 (white would be 3.9:1: mid tones need the right threshold)
  ] as const) {
    it(`a brand accent ${accent} in the ${theme} theme gets readable text on it (${text})`, async () => {
      const el = await mount({ survey: 'nps', theme, accent });
      await until(() => !!$(el, '[part~=next]'));
      expect(getComputedStyle($(el, '[part~=next]')!).color).to.equal(text);
      await pick(el, '9'); // a selected option is accent-coloured too
      await noAxeViolations(el, `${theme} ${accent}`);
    });
  }

  it('forced colors: the progress bar stays visible (a border, and its fill in a system color)', async () => {
    const el = await mount({ survey: 'all' });
    await until(() => !!$(el, '.progress .fill'));
    await command('emulate-media', { forcedColors: 'active' });
    try {
      const track = getComputedStyle($(el, '.progress')!);
      const fill = getComputedStyle($(el, '.progress .fill')!);
      expect(track.borderTopWidth).to.equal('1px');
      expect(fill.backgroundColor).to.not.equal(track.backgroundColor);
    } finally {
      await command('emulate-media', { forcedColors: 'none' });
    }
  });

  it('modal: focus moves in, Esc dismisses, focus returns to the page', async () => {
    const button = document.createElement('button');
    button.textContent = 'Open survey';
    document.body.append(button);
    try {
      const el = await mount({ survey: 'nps', display: 'modal', trigger: 'manual', theme: 'dark' });
      button.focus();
      button.addEventListener('click', () => el.open());
      await press('Enter');
      await until(() => dialog(el).open);
      await el.updateComplete;
      expect(dialog(el).matches(':modal')).to.equal(true);
      expect(el.shadowRoot!.activeElement?.getAttribute('type')).to.equal('radio');
      await noAxeViolations(el, 'modal dark');
      await press('Escape');
      await until(() => !dialog(el).open);
      expect(document.activeElement === button).to.equal(true);
      // the close button does the same
      el.open();
      await until(() => dialog(el).open);
      $<HTMLButtonElement>(el, '[part=close]')!.click();
      await until(() => !dialog(el).open);
    } finally {
      button.remove();
    }
  });

  it('modal thank-you screen passes axe, and closing it is not a dismissal', async () => {
    const ev = recordEvents();
    const el = await mount({ survey: 'nps', display: 'modal', locale: 'ar' });
    await until(() => dialog(el).open && legend(el));
    await pick(el, new Intl.NumberFormat('ar').format(10));
    await next(el);
    await next(el);
    expect($(el, '.thanks')).to.not.equal(null);
    await noAxeViolations(el, 'modal thank-you ar');
    $<HTMLButtonElement>(el, '[part=close]')!.click();
    await until(() => !el.isOpen);
    expect(ev.types()).to.deep.equal(['view', 'start', 'answer', 'complete']);
    ev.stop();
  });
});

describe('<kith-survey> sampling, once and cooldown', () => {
  it('sample="0" never shows and never asks the server; sample="1" always shows', async () => {
    const b = backend();
    let asked = 0;
    const get = b.getSurvey;
    b.getSurvey = (id) => (asked++, get(id));
    const none = await mount({ survey: 'nps', sample: '0' }, b);
    await tick(50);
    expect(asked).to.equal(0);
    expect(none.getBoundingClientRect().height).to.equal(0);
    const all = await mount({ survey: 'nps', sample: '1' }, b);
    await until(() => all.isOpen);
  });

  it("keeps each visitor's draw: in or out of the sample stays so across page loads", async () => {
    const site = newSite();
    localStorage.setItem(recordKey(site, 'nps'), JSON.stringify({ roll: 0.4 }));
    const out = await mount({ survey: 'nps', sample: '0.3', site });
    await tick(50);
    expect(out.isOpen).to.equal(false);
    out.remove();
    const inside = await mount({ survey: 'nps', sample: '0.5', site });
    await until(() => inside.isOpen);
  });

  it('the sample can come from the definition', async () => {
    const b = backend({ surveys: [{ id: 's', version: 1, display: { sample: 0 }, questions: [{ id: 'q', type: 'yesno', text: 'Q' }] } as never] });
    const el = await mount({ survey: 's' }, b);
    await tick(50);
    expect(el.isOpen).to.equal(false);
  });

  it('once: not shown again after a dismissal', async () => {
    const site = newSite();
    const first = await mount({ survey: 'nps', display: 'popover', once: '', site });
    await until(() => first.isOpen);
    first.close();
    first.remove();
    const again = await mount({ survey: 'nps', display: 'popover', once: '', site });
    await tick(50);
    expect(again.isOpen).to.equal(false);
    again.open();
    await tick(20);
    expect(again.isOpen).to.equal(false);
  });

  it('once: not shown again after completion, from the definition too', async () => {
    const b = backend({ surveys: [{ id: 'o', version: 1, display: { once: true }, questions: [{ id: 'q', type: 'yesno', text: 'Q' }] } as never] });
    const site = newSite();
    const first = await mount({ survey: 'o', site }, b);
    await until(() => legend(first));
    await pick(first, 'Yes');
    await next(first);
    expect($(first, '.thanks')).to.not.equal(null);
    first.remove();
    const again = await mount({ survey: 'o', site }, b);
    await tick(50);
    expect(again.isOpen).to.equal(false);
  });

  it('cooldown: hidden for the given days after completion or dismissal, shown after', async () => {
    const site = newSite();
    const key = recordKey(site, 'nps');
    localStorage.setItem(key, JSON.stringify({ roll: 0.5, doneAt: Date.now() - 2 * 864e5 }));
    const soon = await mount({ survey: 'nps', cooldown: '3', site });
    await tick(50);
    expect(soon.isOpen).to.equal(false);
    soon.remove();
    localStorage.setItem(key, JSON.stringify({ roll: 0.5, dismissedAt: Date.now() - 4 * 864e5 }));
    const later = await mount({ survey: 'nps', cooldown: '3', site });
    await until(() => later.isOpen);
  });
});

describe('<kith-survey> partial responses', () => {
  it('a reload resumes where the visitor left, with the same response id', async () => {
    const b = backend();
    const site = newSite();
    const ev = recordEvents();
    const first = await mount({ survey: 'all', site }, b);
    await until(() => legend(first));
    await pick(first, '8');
    await next(first);
    await pick(first, '5 of 5');
    await next(first);
    expect(legend(first)).to.equal('Your mood (Optional)');
    const responseId = ev.seen.find((e) => e.type === 'start')!.detail.responseId;
    first.remove(); // "reload"

    const second = await mount({ survey: 'all', site }, b);
    await until(() => legend(second));
    expect(legend(second)).to.equal('Your mood (Optional)');
    $<HTMLButtonElement>(second, '[part~=back]')!.click();
    await second.updateComplete;
    expect(legend(second)).to.equal('Rate the docs');
    expect($<HTMLInputElement>(second, '.q input[aria-label="5 of 5"]')!.checked).to.equal(true);
    await next(second);
    await next(second);
    await until(() => b.state.responses.get(responseId)?.seq === 4, 3000, 'fourth upsert (seq continues after the reload)');
    expect(b.state.responses.size).to.equal(1);
    expect(b.state.responses.get(responseId)!.answers).to.deep.equal({ nps: 8, stars: 5 });
    expect(ev.types().filter((t) => t === 'start').length).to.equal(1); // resuming is not a new start
    ev.stop();
  });

  it('a new survey version starts a fresh response', async () => {
    const site = newSite();
    localStorage.setItem(
      recordKey(site, 'nps'),
      JSON.stringify({ roll: 0.1, responseId: 'old-response-id', version: 0, answers: { score: 3 }, path: ['score', 'why'], seq: 1 }),
    );
    const el = await mount({ survey: 'nps', site });
    await until(() => legend(el));
    expect(legend(el)).to.equal('How likely?');
    expect($(el, '.q input:checked')).to.equal(null);
  });

  it('offline answers say "saved, will send" and are delivered exactly once when back online', async () => {
    const b = backend();
    let offline = true;
    const upsert = b.upsertResponse;
    let attempts = 0;
    b.upsertResponse = async (...args) => {
      attempts++;
      if (offline) throw new KithError('network', 'offline');
      return upsert(...args);
    };
    const events = b.sendEvents;
    b.sendEvents = async (...args) => {
      if (offline) throw new KithError('network', 'offline');
      return events(...args);
    };
    const el = await mount({ survey: 'nps' }, b);
    await until(() => legend(el));
    await pick(el, '6');
    await next(el);
    await until(() => $(el, '[part=status]')?.textContent === 'Saved, will send when you are online.', 3000, 'queued status');
    await noAxeViolations(el, 'queued');
    await next(el); // skip the optional last question: finished, still offline
    await until(() => $(el, '.thanks .status')?.textContent?.includes('saved and will be sent'), 3000, 'queued thank-you');
    expect(b.state.responses.size).to.equal(0);
    expect(attempts).to.be.greaterThan(0);

    offline = false;
    dispatchEvent(new Event('online'));
    await until(() => b.state.responses.size === 1, 8000, 'delivery after online');
    const [response] = [...b.state.responses.values()];
    expect(response!.finished).to.equal(true);
    expect(response!.answers).to.deep.equal({ score: 6 });
    await until(() => $(el, '.thanks .status')?.textContent === 'Your answers were sent.', 3000, 'sent status');
    await tick(300);
    // the first (partial) upsert was replaced in the queue by the finished one: one arrival in all
    expect(b.state.log.filter((l) => l.call === 'upsertResponse').length).to.equal(1);
  });

  it('a rejected answer is told as a sentence', async () => {
    const b = backend();
    b.upsertResponse = async () => {
      throw new KithError('rejected', 'nope', { status: 422 });
    };
    const el = await mount({ survey: 'nps' }, b);
    await until(() => legend(el));
    await pick(el, '6');
    await next(el);
    await until(() => $(el, '[part=status]')?.textContent === 'The server refused this request.', 3000, 'rejected status');
  });
});
