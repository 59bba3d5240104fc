import { expect } from '@esm-bundle/chai';
import { gridStep } from '../src/grid-keys.ts';
import { $, $$, badgeButton, focused, mount, press, text, until } from './harness.ts';

const name = (b: HTMLElement | null) => text(b?.querySelector('[part=name]'));

describe('gridStep', () => {
  it('moves by one across, by a row down and up, stays at the edges, jumps with Home and End', () => {
    expect(gridStep('ArrowRight', 0, 5, 3, false)).to.equal(1);
    expect(gridStep('ArrowLeft', 0, 5, 3, false)).to.equal(0);
    expect(gridStep('ArrowDown', 1, 5, 3, false)).to.equal(4);
    expect(gridStep('ArrowDown', 2, 5, 3, false)).to.equal(2);
    expect(gridStep('ArrowUp', 4, 5, 3, false)).to.equal(1);
    expect(gridStep('Home', 3, 5, 3, false)).to.equal(0);
    expect(gridStep('End', 0, 5, 3, false)).to.equal(4);
    expect(gridStep('Enter', 0, 5, 3, false)).to.equal(undefined);
  });

  it('mirrors left and right in right-to-left', () => {
    expect(gridStep('ArrowLeft', 0, 5, 3, true)).to.equal(1);
    expect(gridStep('ArrowRight', 1, 5, 3, true)).to.equal(0);
  });
});

describe('<kith-badge-wall> keyboard', () => {
  const wall = async (attrs: Record<string, string> = {}) => {
    const el = await mount({ mode: 'catalog', ...attrs });
    el.style.width = '400px'; // 3 columns of at least 7.5rem
    await el.updateComplete;
    return el;
  };

  it('has one tab stop in the grid, and arrows move across and between rows', async () => {
    const el = await wall();
    const buttons = $$<HTMLButtonElement>(el, '[part~=badge]');
    expect(buttons.map((b) => b.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
    buttons[0]!.focus();
    await press('ArrowRight');
    expect(name(focused(el))).to.equal('Helper');
    await press('ArrowDown');
    expect(name(focused(el))).to.equal('<img src=x onerror="window.pwned=1">');
    await press('ArrowUp');
    await press('ArrowLeft');
    expect(name(focused(el))).to.equal('First post');
    await press('End');
    expect(focused(el)).to.equal(buttons[4]);
    expect(buttons.map((b) => b.tabIndex)).to.deep.equal([-1, -1, -1, -1, 0]);
    await press('Home');
    expect(focused(el)).to.equal(buttons[0]);
  });

  it('mirrors the arrows in Arabic (right to left)', async () => {
    const el = await wall({ locale: 'ar' });
    expect($(el, '[part=base]')!.getAttribute('dir')).to.equal('rtl');
    $$<HTMLButtonElement>(el, '[part~=badge]')[0]!.focus();
    await press('ArrowLeft');
    expect(name(focused(el))).to.equal('Helper');
  });

  it('opens the detail with Enter, moves focus into it, and Escape brings focus back', async () => {
    const el = await wall();
    const voice = badgeButton(el, 'Voice');
    voice.focus();
    await press('Enter');
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await until(() => dialog.open && dialog.contains(focused(el)), 2000, 'focus in the dialog');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('detail-name');
    expect(focused(el)!.getAttribute('aria-label')).to.equal('Close');
    await press('Escape');
    await until(() => !dialog.open, 2000, 'the dialog to close');
    expect(focused(el)).to.equal(voice);
  });

  it('closes with the close button and on a click outside (pointer)', async () => {
    const el = await wall();
    const helper = badgeButton(el, 'Helper');
    helper.focus(); // a pointer click focuses the button first
    helper.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await until(() => dialog.open);
    $<HTMLButtonElement>(el, '[part=close]')!.click();
    await until(() => !dialog.open, 2000, 'closed by the button');
    expect(focused(el)).to.equal(helper);

    helper.click();
    await until(() => dialog.open);
    dialog.dispatchEvent(new MouseEvent('click', { bubbles: true })); // a click on the backdrop targets the dialog
    await until(() => !dialog.open, 2000, 'closed by a click outside');
  });

  it('keeps the roving tab stop where the visitor left it across a re-render', async () => {
    const el = await wall();
    $$<HTMLButtonElement>(el, '[part~=badge]')[0]!.focus();
    await press('ArrowRight');
    await press('ArrowRight');
    el.requestUpdate();
    await el.updateComplete;
    expect($$<HTMLButtonElement>(el, '[part~=badge]').map((b) => b.tabIndex)).to.deep.equal([-1, -1, 0, -1, -1]);
  });
});
