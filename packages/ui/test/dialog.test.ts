import { expect } from '@esm-bundle/chai';
import { LitElement, html } from 'lit';
import { DialogController } from '../src/index.ts';
import { command } from '../../../test/browser/dom.ts';

/** The smallest widget with a dialog: a `<dialog>` with one button, driven by a DialogController. */
class DialogHost extends LitElement {
  dialog = new DialogController(this, () => this.renderRoot.querySelector('dialog'), () => this.dialog.hide());
  override render() {
    return html`<dialog @keydown=${this.dialog.keydown} @cancel=${this.dialog.cancel}><button>OK</button></dialog>`;
  }
}
customElements.define('kith-dialog-host', DialogHost);

const root = document.documentElement;
const scroller = document.scrollingElement!;
const press = (key: string) => command('send-keys', { press: key });
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const overflow = () => getComputedStyle(root).overflowY;

/** Run `f` while the window reads `px` wider than the page, as beside a classic scrollbar. */
async function withScrollbar(px: number, f: () => Promise<void>) {
  const own = Object.getOwnPropertyDescriptor(window, 'innerWidth');
  const width = innerWidth;
  Object.defineProperty(window, 'innerWidth', { configurable: true, get: () => width + px });
  try {
    await f();
  } finally {
    if (own) Object.defineProperty(window, 'innerWidth', own);
    else delete (window as { innerWidth?: number }).innerWidth;
  }
}

const added: Element[] = [];
async function mount() {
  const el = document.createElement('kith-dialog-host') as DialogHost;
  document.body.append(el);
  added.push(el);
  await el.updateComplete;
  return el;
}

beforeEach(() => {
  // a page taller than the window, scrolled a little way down
  const tall = document.createElement('div');
  tall.style.height = '5000px';
  document.body.append(tall);
  added.push(tall);
  scroller.scrollTop = 100;
});

afterEach(() => {
  added.splice(0).forEach((el) => el.remove());
  // (Chromium writes a CSSOM change to the attribute lazily: removing it alone leaves style="" behind)
  root.setAttribute('style', '');
  root.removeAttribute('style');
  scroller.scrollTop = 0;
});

describe('DialogController scroll lock', () => {
  it('a modal keeps the page from scrolling: PageDown, End, ArrowDown and Space on it leave the page where it was', async () => {
    const el = await mount();
    await el.dialog.show(true);
    for (const key of ['PageDown', 'End', 'ArrowDown', 'Space']) await press(key);
    await frame();
    expect(scroller.scrollTop).to.equal(100);
    expect(overflow()).to.equal('hidden');

    el.dialog.hide();
    expect(overflow()).to.equal('visible');
    expect(scroller.scrollTop, 'unlocking keeps the scroll position').to.equal(100);
    // the same keys scroll the page again once it is closed (so the keys above could have)
    (document.activeElement as HTMLElement | null)?.blur();
    await press('PageDown');
    await frame();
    expect(scroller.scrollTop).to.be.above(100);
  });

  it('the page does not move sideways: where it had a scrollbar, a gutter keeps its room', async () => {
    const el = await mount();
    // headless Chromium draws no scrollbars (Playwright starts it with --hide-scrollbars): stand in a 15px one
    await withScrollbar(15, () => el.dialog.show(true));
    expect(getComputedStyle(root).scrollbarGutter).to.equal('stable');
    el.dialog.hide();
    expect(getComputedStyle(root).scrollbarGutter).to.equal('auto');
  });

  it('a page that had no scrollbar gets no gutter (it would move the other way)', async () => {
    const el = await mount();
    await el.dialog.show(true);
    expect(innerWidth).to.equal(root.clientWidth);
    expect(getComputedStyle(root).scrollbarGutter).to.equal('auto');
  });

  it("leaves the page's inline styles as they were, value and priority, while locked and after", async () => {
    root.style.setProperty('overflow-y', 'scroll');
    root.style.setProperty('overflow-x', 'clip');
    root.style.setProperty('color', 'black', 'important');
    const before = root.style.cssText;
    const el = await mount();
    await el.dialog.show(true);
    expect(overflow(), "the lock wins over the page's inline overflow").to.equal('hidden');
    expect(root.style.cssText).to.equal(before);
    el.dialog.hide();
    expect(root.style.cssText).to.equal(before);
    expect(overflow()).to.equal('scroll');
    expect(root.style.getPropertyPriority('color')).to.equal('important');
  });

  it('a page with no inline style on its root never gets one', async () => {
    const el = await mount();
    await el.dialog.show(true);
    expect(overflow()).to.equal('hidden');
    expect(root.hasAttribute('style')).to.equal(false);
    el.dialog.hide();
    expect(root.hasAttribute('style')).to.equal(false);
  });

  it("wins over the page's stylesheet (html { overflow-y: scroll }, a common reset)", async () => {
    const style = document.createElement('style');
    style.textContent = 'html { overflow-y: scroll }';
    document.head.append(style);
    added.push(style);
    const el = await mount();
    await el.dialog.show(true);
    expect(overflow()).to.equal('hidden');
    el.dialog.hide();
    expect(overflow()).to.equal('scroll');
  });

  it('two modals (two widgets) stay locked until both close, in any order', async () => {
    const a = await mount();
    const b = await mount();
    const other = await mount(); // never shown: its hide() must not unlock the others
    await a.dialog.show(true);
    await b.dialog.show(true);
    await a.dialog.show(true); // already open: still one lock
    a.dialog.hide();
    expect(overflow(), 'b is still open').to.equal('hidden');
    a.dialog.hide();
    other.dialog.hide();
    expect(overflow(), 'repeated and foreign hides').to.equal('hidden');
    b.dialog.hide();
    expect(overflow()).to.equal('visible');
  });

  it('a modal removed from the page while open unlocks it', async () => {
    const a = await mount();
    const b = await mount();
    await a.dialog.show(true);
    await b.dialog.show(true);
    a.remove();
    expect(overflow()).to.equal('hidden');
    b.remove();
    expect(overflow()).to.equal('visible');
    b.dialog.hide(); // a hide after removal changes nothing
    const c = await mount();
    await c.dialog.show(true);
    expect(overflow(), 'a later modal locks it again').to.equal('hidden');
    c.dialog.hide();
    expect(overflow()).to.equal('visible');
  });

  it("leaves the page's adoptedStyleSheets as they were once its modals close or go", async () => {
    const page = new CSSStyleSheet();
    document.adoptedStyleSheets = [page];
    for (let i = 0; i < 3; i++) {
      const a = await mount();
      const b = await mount();
      await a.dialog.show(true);
      await b.dialog.show(true);
      a.dialog.hide();
      b.remove(); // a route change with the modal open
    }
    expect(document.adoptedStyleSheets.length).to.equal(1);
    expect(document.adoptedStyleSheets[0]).to.equal(page);
    expect(overflow()).to.equal('visible');
    document.adoptedStyleSheets = [];
  });

  it('a non-modal dialog (show(false)) does not lock the page', async () => {
    const el = await mount();
    await el.dialog.show(false);
    expect(el.renderRoot.querySelector('dialog')!.open).to.equal(true);
    expect(overflow()).to.equal('visible');
    expect(getComputedStyle(root).scrollbarGutter).to.equal('auto');
    el.dialog.hide();
    expect(overflow()).to.equal('visible');
  });
});

describe('DialogController moved in the page', () => {
  const dialogOf = (el: DialogHost) => el.renderRoot.querySelector('dialog')!;

  it('a modal open while its host is moved is a modal again: backdrop, page inert, page locked', async () => {
    const el = await mount();
    await el.dialog.show(true);
    expect(dialogOf(el).matches(':modal')).to.equal(true);
    el.remove();
    document.body.append(el); // a framework moving it
    await el.updateComplete;
    await frame();
    expect([dialogOf(el).open, dialogOf(el).matches(':modal'), overflow()]).to.deep.equal([true, true, 'hidden']);
    el.dialog.hide();
    expect(overflow()).to.equal('visible');
  });

  it('a popover open while its host is moved is back in the top layer, still not modal', async () => {
    const el = await mount();
    await el.dialog.show(false);
    el.remove();
    document.body.append(el);
    await frame();
    expect([dialogOf(el).matches(':popover-open'), dialogOf(el).matches(':modal'), overflow()]).to.deep.equal([true, false, 'visible']);
    el.dialog.hide();
  });
});
