// KithElement when a single-page app moves it: removed and re-added (the same instance, as
// keep-alive and reparenting frameworks do), configured while it is out of the page.
import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { KithError, configure, type KithClient } from '@kith/client';
import { memoryBackend } from '@kith/client/memory';
import { KithElement, numberIn, oneOf } from '../src/index.ts';
import { until } from '../../../test/browser/dom.ts';

class Reconnect extends KithElement {
  loads = 0;
  failNext = false;
  protected override async load(client: KithClient) {
    this.loads++;
    if (this.failNext) throw ((this.failNext = false), new KithError('network', 'offline'));
    await client.backend.getSurvey('ok');
  }
  protected override renderBody() {
    return html`<p class="ok">loaded</p>`;
  }
}
customElements.define('kith-reconnect-probe', Reconnect);

const seed = { surveys: [{ id: 'ok', version: 1, questions: [{ id: 'q', type: 'yesno', text: 'Q?' }] }] } as never;
const shown = (el: Element) => (el.shadowRoot!.querySelector('.ok') ? 'content' : el.shadowRoot!.querySelector('[part=error]') ? 'error' : 'nothing');
const probe = () => Object.assign(document.createElement('kith-reconnect-probe') as Reconnect, { eager: true });

describe('KithElement moved by a single-page app', () => {
  it('a widget whose load failed, re-added to the page, loads again and shows the content, not the old error', async () => {
    const el = Object.assign(probe(), { backend: memoryBackend(seed), failNext: true });
    document.body.append(el);
    await until(() => el.failure);
    expect(shown(el)).to.equal('error');
    el.remove(); // the visitor navigates away; the framework keeps the instance
    document.body.append(el); // and back
    await until(() => el.loads === 2 && !el.loading);
    await el.updateComplete;
    el.remove();
    expect([el.failure, shown(el)]).to.deep.equal([undefined, 'content']);
  });

  it('configured while out of the page (Kith.configure({ backend }) on another route), back in it loads', async () => {
    const el = probe();
    document.body.append(el); // no endpoint, no backend yet
    await until(() => el.failure?.kind === 'invalid-config', 3000);
    el.remove();
    configure({ backend: memoryBackend(seed) });
    document.body.append(el);
    try {
      await until(() => el.loads === 1 && !el.loading);
      await el.updateComplete;
      expect([el.failure, shown(el)]).to.deep.equal([undefined, 'content']);
    } finally {
      el.remove();
      configure({ backend: undefined });
    }
  });
});

class Framed extends KithElement {
  static override properties = { mode: oneOf('list', 'grid'), limit: numberIn(1, 10) };
  declare mode?: 'list' | 'grid';
  declare limit?: number;
  protected override renderBody() {
    return html`<p class="ok">${this.mode ?? 'list'} ${typeof this.limit} ${this.limit ?? ''}</p>`;
  }
}
customElements.define('kith-framed-probe', Framed);

describe('KithElement given values as properties (as Vue, Svelte and React 19 set them)', () => {
  it('checks them like the attributes: one console error, the error state, gone once the value is valid', async () => {
    const logged: string[] = [];
    const origError = console.error;
    console.error = (...a: unknown[]) => logged.push(a.join(' '));
    const el = Object.assign(document.createElement('kith-framed-probe') as Framed, { backend: memoryBackend(seed), eager: true });
    try {
      document.body.append(el);
      await until(() => shown(el) === 'content');
      (el as { mode?: string }).mode = 'tiles'; // a typo in a framework template
      await el.updateComplete;
      expect([el.misconfigured, shown(el)]).to.deep.equal([true, 'error']);
      expect(logged).to.deep.equal(['<kith-framed-probe> mode="tiles" is not valid: use list or grid.']);
      el.mode = 'grid';
      await until(() => shown(el) === 'content');
      expect(el.misconfigured).to.equal(false);
      // a number set as a string (Vue and Svelte pass static attributes so) is read as the attribute would be
      (el as { limit?: unknown }).limit = '7';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.ok')!.textContent).to.equal('grid number 7');
      el.limit = 500;
      await el.updateComplete;
      expect([el.misconfigured, logged.at(-1)]).to.deep.equal([true, '<kith-framed-probe> limit="500" is not valid: use a number from 1 to 10.']);
    } finally {
      console.error = origError;
      el.remove();
    }
  });
});
