import { expect } from '@esm-bundle/chai';
import { html, render } from 'lit';
import 'axe-core/axe.min.js';
import { KithError, type KithClient } from '@kith/client';
import { memoryBackend } from '@kith/client/memory';
import { KithElement, choiceList, format, localize, matchLocale, numberIn, oneOf, words, wordsAttr, pickLocale, progressBar, ratingScale, controlStyles, baseStyles, textField } from '../src/index.ts';

declare global {
  interface HTMLElementEventMap {
    'kith-probe-ping': CustomEvent<{ n: number }>;
  }
}

class Probe extends KithElement {
  static override styles = [baseStyles, controlStyles];
  static override properties = { mode: oneOf('a', 'b'), value: { state: true }, picks: { state: true }, noteInvalid: { state: true } };
  static override strings = { en: { hello: 'Hello {name}' }, es: { hello: 'Hola {name}' } };
  declare mode?: 'a' | 'b';
  declare value?: number;
  declare picks: string[];
  declare noteInvalid?: boolean;
  loads = 0;
  constructor() {
    super();
    this.picks = [];
  }
  protected override async load(client: KithClient) {
    this.loads++;
    await client.backend.getSurvey(this.id || 'none');
  }
  protected override renderBody() {
    return html`<p>${this.t('hello', { name: 'Ana' })}</p>
      ${ratingScale({
        name: 'r',
        label: 'Rate',
        from: 1,
        to: 5,
        kind: 'stars',
        value: this.value,
        format: (n) => this.n(n),
        itemLabel: (n) => this.t('of', { n, max: 5 }),
        onChange: (n) => (this.value = n),
      })}
      ${choiceList({
        name: 'c',
        label: 'Pick',
        multiple: true,
        choices: [
          { id: 'x', label: 'X' },
          { id: 'y', label: 'Y' },
          { id: 'z', label: 'Z' },
        ],
        selected: this.picks,
        onChange: (s) => (this.picks = s),
      })}
      ${textField({ id: 'note', label: 'Note', value: '', invalid: this.noteInvalid, onInput: () => {} })}`;
  }
}
customElements.define('kith-probe', Probe);

const seed = { surveys: [{ id: 'ok', version: 1, questions: [{ id: 'q', type: 'yesno', text: 'Q?' }] }] } as never;
const mounted: HTMLElement[] = [];
async function mount(attrs: Record<string, string> = {}, backend = memoryBackend(seed)) {
  const el = document.createElement('kith-probe') as Probe;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.backend = backend;
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}
const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
const shadow = (el: Element) => el.shadowRoot!;

afterEach(() => mounted.splice(0).forEach((el) => el.remove()));

describe('KithElement', () => {
  it('reports an invalid attribute once, shows a polite error, never throws', async () => {
    const errors: unknown[][] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      const el = await mount({ mode: 'zzz', eager: '', id: 'ok' });
      await tick();
      expect(errors.length).to.equal(1);
      expect(String(errors[0]![0])).to.contain('mode="zzz"').and.contain('a or b');
      expect(el.mode).to.equal(undefined);
      const status = shadow(el).querySelector('[role=status]')!;
      expect(status.textContent).to.contain('not set up correctly');
      expect(el.loads).to.equal(0);
      el.setAttribute('mode', 'b');
      await tick();
      expect(el.mode).to.equal('b');
      expect(shadow(el).querySelector('[role=status]')).to.equal(null);
      expect(el.loads).to.equal(1);
    } finally {
      console.error = orig;
    }
  });

  it('starts only near the viewport unless eager', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.prepend(spacer);
    try {
      const lazy = await mount({ id: 'ok' });
      const eager = await mount({ id: 'ok', eager: '' });
      await tick(50);
      expect(lazy.loads).to.equal(0);
      expect(eager.loads).to.equal(1);
      lazy.scrollIntoView();
      await tick(100);
      expect(lazy.loads).to.equal(1);
    } finally {
      spacer.remove();
    }
  });

  it('shows a load failure as a sentence, with retry for retryable errors', async () => {
    let fail = true;
    const b = memoryBackend(seed);
    const get = b.getSurvey;
    b.getSurvey = async (id) => {
      if (fail) throw new KithError('network', 'offline');
      return get(id);
    };
    const el = await mount({ id: 'ok', eager: '' }, b);
    await tick();
    expect(el.failure?.kind).to.equal('network');
    const retry = shadow(el).querySelector<HTMLButtonElement>('[part=error] button')!;
    expect(retry.textContent).to.equal('Try again');
    fail = false;
    retry.click();
    await tick();
    expect(el.failure).to.equal(undefined);
    expect(el.loads).to.equal(2);
  });

  it('shows unknown ids as not found and needs an endpoint or backend', async () => {
    const el = await mount({ id: 'missing', eager: '' });
    await tick();
    expect(shadow(el).querySelector('[role=status]')!.textContent).to.contain('not found');
    const orphan = document.createElement('kith-probe') as Probe;
    orphan.setAttribute('eager', '');
    document.body.append(orphan);
    mounted.push(orphan);
    await tick();
    expect(orphan.failure, 'it first waits a moment for Kith.configure()').to.equal(undefined);
    for (let i = 0; i < 300 && !orphan.failure; i++) await tick();
    expect(orphan.failure?.kind).to.equal('invalid-config');
    orphan.id = 'ok';
    orphan.backend = memoryBackend(seed); // set after connecting, as frameworks do
    await tick();
    expect(orphan.failure).to.equal(undefined);
    expect(orphan.loads).to.equal(1); // the first start never reached load(): no client without a backend
  });

  it('emits bubbling, composed events', async () => {
    const el = await mount();
    let got: CustomEvent<{ n: number }> | undefined;
    document.addEventListener('kith-probe-ping', (e) => (got = e as CustomEvent<{ n: number }>), { once: true });
    el.emit('kith-probe-ping', { n: 3 });
    expect(got?.detail.n).to.equal(3);
    expect(got?.composed).to.equal(true);
  });

  it('takes the locale from the attribute, then the nearest lang; ar is right-to-left', async () => {
    const wrap = document.createElement('div');
    wrap.lang = 'es-MX';
    document.body.append(wrap);
    const el = document.createElement('kith-probe') as Probe;
    el.id = 'ok'; // a survey the backend has: no error state
    el.backend = memoryBackend(seed);
    wrap.append(el);
    await el.updateComplete;
    expect(shadow(el).querySelector('p')!.textContent).to.equal('Hola Ana');
    el.locale = 'ar';
    await el.updateComplete;
    const base = shadow(el).querySelector('[part=base]')!;
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(el.t('next')).to.equal('التالي'); // loaded on first use; updateComplete waits for it
    expect(shadow(el).querySelector('p')!.textContent).to.equal('Hello Ana');
    wrap.remove();
  });

  it('loads every bundled locale on first use', async () => {
    const el = await mount();
    const seen = new Set<string>();
    for (const locale of KithElement.locales) {
      el.locale = locale;
      await el.updateComplete;
      expect(el.uiLocale).to.equal(locale);
      seen.add(el.t('next'));
      expect(el.t('left', { n: 3 })).to.match(/3/);
    }
    expect(seen.size).to.equal(KithElement.locales.length);
  });

  it('localize() reads only the text\'s own locales: a defaultLocale such as "toString" is not a way into Object.prototype', () => {
    expect(localize({ fr: 'Bonjour' }, 'de', 'toString')).to.equal('Bonjour');
    expect(localize({ fr: 'Bonjour' }, 'de', '__proto__')).to.equal('Bonjour');
    expect(localize({ fr: 'Bonjour', en: 'Hello' }, 'de', 'en')).to.equal('Hello');
    expect(localize({}, 'de')).to.equal('');
  });

  it('numberIn: an empty attribute is the default, unless it says what empty means', () => {
    const plain = numberIn(0, 1);
    const flag = numberIn(0, Infinity, 0);
    expect(plain.parse('')).to.equal(undefined);
    expect(plain.parse('0.5')).to.equal(0.5);
    expect(plain.parse('2')).to.equal(undefined);
    expect(flag.parse('')).to.equal(0);
    expect(flag.parse('30')).to.equal(30);
    expect(words(' a, b,,c ')).to.deep.equal(['a', 'b', 'c']);
    expect(wordsAttr(3).parse('abc, de')).to.equal('abc, de');
    expect(wordsAttr(3).parse('abcd,e')).to.equal(undefined);
  });

  it('formats plurals and numbers through Intl', () => {
    expect(format({ one: '{n} day', other: '{n} days' }, 'en', { n: 1 })).to.equal('1 day');
    expect(format({ one: 'остался {n}', few: 'осталось {n}а', other: 'осталось {n}ов' }, 'ru', { n: 3 })).to.equal('осталось 3а');
    expect(format('{n}', 'en', { n: 12345 })).to.equal('12,345');
    expect(pickLocale([undefined, '', 'not a tag!', 'zh-cn'])).to.equal('zh-CN');
    expect(matchLocale('zh-TW', ['en', 'zh-CN'])).to.equal('zh-CN');
    expect(localize({ en: 'Hi', 'es-ES': 'Hola' }, 'es-MX')).to.equal('Hola');
    expect(localize({ fr: 'Salut', de: 'Hallo' }, 'ru', 'de')).to.equal('Hallo');
    expect(localize({ en: 'Hello', de: 'Hallo' }, 'ru', 'de')).to.equal('Hallo'); // the default locale before any other
    expect(localize({ fr: 'Salut' }, 'ru', 'de')).to.equal('Salut');
  });

  it('writes numbers as Intl.NumberFormat does, in every language, with or without its fast path', () => {
    const locales = ['en', 'en-US', 'es-MX', 'ru', 'ro', 'id', 'zh-CN', 'ar', 'ar-EG', 'fa', 'hi', 'bn', 'mr', 'th-TH-u-nu-thai', 'en-u-nu-arab', 'de', 'fr'];
    const values = [0, 1, 7, 10, 42, 99, 100, 999, 1000, 12345, 2.5, -3];
    for (const locale of locales) {
      for (const v of values) expect(format('{n}', locale, { n: v }), `${locale} ${v}`).to.equal(new Intl.NumberFormat(locale).format(v));
    }
    expect(format('{n}', 'en-u-nu-arab', { n: 5 })).to.equal('٥'); // English, Arabic digits: not the fast path's "5"
  });

  it('applies theme and accent', async () => {
    const el = await mount({ theme: 'dark', accent: 'rebeccapurple' });
    const base = shadow(el).querySelector<HTMLElement>('[part=base]')!;
    expect(base.dataset.theme).to.equal('dark');
    expect(getComputedStyle(base).color).to.equal('rgb(244, 244, 245)');
    expect(base.style.getPropertyValue('--kith-accent')).to.equal('rebeccapurple');
    el.removeAttribute('accent');
    await el.updateComplete;
    expect(base.style.getPropertyValue('--kith-accent')).to.equal('');
  });

  it('resets inherited host page CSS', async () => {
    const style = document.createElement('style');
    style.textContent = 'body { letter-spacing: 9px; text-transform: uppercase; line-height: 5; font-family: serif }';
    document.head.append(style);
    try {
      const el = await mount();
      const p = shadow(el).querySelector('p')!;
      expect(getComputedStyle(p).textTransform).to.equal('none');
      expect(getComputedStyle(p).letterSpacing).to.equal('normal');
      expect(getComputedStyle(p).fontFamily).to.equal('serif'); // the font is inherited on purpose
    } finally {
      style.remove();
    }
  });
});

describe('shared controls', () => {
  it('rating scale: arrows move and select, one tab stop', async () => {
    const el = await mount();
    const radios = [...shadow(el).querySelectorAll<HTMLInputElement>('.scale input')];
    expect(radios.map((r) => r.getAttribute('aria-label'))).to.deep.equal(['1 of 5', '2 of 5', '3 of 5', '4 of 5', '5 of 5']);
    radios[2]!.click();
    await el.updateComplete;
    expect(el.value).to.equal(3);
    expect(shadow(el).querySelectorAll('.opt.on').length).to.equal(3);
  });

  it('choice list: roving focus with arrows, Home and End', async () => {
    const el = await mount();
    const boxes = () => [...shadow(el).querySelectorAll<HTMLInputElement>('.choices input')];
    expect(boxes().map((b) => b.tabIndex)).to.deep.equal([0, -1, -1]);
    boxes()[0]!.focus();
    boxes()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    expect(shadow(el).activeElement === boxes()[1]).to.equal(true);
    expect(boxes().map((b) => b.tabIndex)).to.deep.equal([-1, 0, -1]);
    boxes()[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    expect(shadow(el).activeElement === boxes()[2]).to.equal(true);
    boxes()[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    expect(shadow(el).activeElement === boxes()[0]).to.equal(true);
    boxes()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }));
    expect(shadow(el).activeElement === boxes()[2]).to.equal(true);
    boxes()[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true }));
    expect(shadow(el).activeElement === boxes()[0]).to.equal(true);
    expect(boxes().map((b) => b.tabIndex)).to.deep.equal([0, -1, -1]);
    boxes()[2]!.click();
    await el.updateComplete;
    expect(el.picks).to.deep.equal(['z']);
  });

  it('choice list: left and right are mirrored in right-to-left', async () => {
    const el = await mount({ locale: 'ar' });
    const boxes = [...shadow(el).querySelectorAll<HTMLInputElement>('.choices input')];
    boxes[0]!.focus();
    boxes[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true }));
    expect(shadow(el).activeElement === boxes[1]).to.equal(true);
    boxes[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    expect(shadow(el).activeElement === boxes[0]).to.equal(true);
  });

  it('text field counts characters left and links its message', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    let v = 'abc';
    render(
      textField({ id: 't', label: 'Say', value: v, maxLength: 10, invalid: true, describedBy: 'm', counter: (n) => `${n} left`, onInput: (x) => (v = x) }),
      host,
    );
    const input = host.querySelector('input')!;
    expect(host.querySelector('.count')!.textContent).to.equal('7 left');
    expect(input.getAttribute('aria-describedby')).to.equal('m t-count');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    input.value = 'abcd';
    input.dispatchEvent(new Event('input'));
    expect(v).to.equal('abcd');
    host.remove();
  });

  it('progress bar: the fill follows the value through the CSSOM', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    render(progressBar(1, 4, 'Question 1 of 4'), host);
    const bar = host.querySelector<HTMLElement>('[role=progressbar]')!;
    expect(bar.getAttribute('aria-valuetext')).to.equal('Question 1 of 4');
    expect(host.querySelector<HTMLElement>('.fill')!.style.transform).to.equal('scaleX(0.25)');
    render(progressBar(9, 4, 'Done'), host);
    expect(host.querySelector<HTMLElement>('.fill')!.style.transform).to.equal('scaleX(1)');
    host.remove();
  });

  it('text field: an invalid one has the error border', async () => {
    const el = await mount();
    const input = shadow(el).querySelector<HTMLInputElement>('#note')!;
    expect(getComputedStyle(input).borderTopColor).to.equal('rgb(113, 113, 122)');
    el.noteInvalid = true;
    await el.updateComplete;
    expect(getComputedStyle(input).borderTopColor).to.equal('rgb(185, 28, 28)');
  });

  it('has no axe violations, light, dark and rtl', async () => {
    for (const attrs of [{}, { theme: 'dark' }, { locale: 'ar', theme: 'dark' }] as Record<string, string>[]) {
      const el = await mount(attrs);
      const r = await (window as any).axe.run(el);
      const why = r.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ') + ' ' + n.failureSummary).join(' | ')}`);
      expect(why, JSON.stringify(attrs)).to.deep.equal([]);
      el.remove();
    }
  });
});

describe('KithElement start', () => {
  class Counter extends KithElement {
    loads = 0;
    said = '';
    static override strings = { en: { hello: 'Hello' } };
    // a locale whose strings arrive after a while, as a chunk over the network does
    static override loaders = { es: () => new Promise<{ default: Record<string, string> }>((r) => setTimeout(() => r({ default: { hello: 'Hola' } }), 30)) };
    protected override async load() {
      this.loads++;
      this.said = this.t('hello');
    }
  }
  customElements.define('kith-start-counter', Counter);
  const make = () => {
    const el = document.createElement('kith-start-counter') as Counter;
    el.backend = memoryBackend(seed);
    return el;
  };

  it('honours eager set right after append() (vanilla JS, framework bindings), off screen', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.append(spacer);
    const el = make();
    document.body.append(el);
    el.eager = true;
    await tick(300);
    spacer.remove();
    el.remove();
    expect(el.loads).to.equal(1);
  });

  it('loads with the visitor\'s strings in place, so nothing shows in English first', async () => {
    const el = make();
    el.eager = true;
    el.locale = 'es';
    document.body.append(el);
    await el.updateComplete;
    await tick(100);
    el.remove();
    expect(el.said).to.equal('Hola');
  });

  it('does not load when given a bad attribute right after append()', async () => {
    const el = make();
    el.eager = true;
    document.body.append(el);
    el.setAttribute('theme', 'bogus');
    await tick(100);
    el.remove();
    expect(el.misconfigured).to.equal(true);
    expect(el.loads).to.equal(0);
  });

  it('does not load when removed in the task it was added', async () => {
    const el = make();
    el.eager = true;
    document.body.append(el);
    el.remove();
    await tick(100);
    expect(el.loads).to.equal(0);
  });
});
