import { expect } from '@esm-bundle/chai';
import { KithError, type Topic } from '@kith/client';
import { $, backend, click, makeTopics, mount, noAxeViolations, topicEl, until } from './harness.ts';

function rich(): Topic[] {
  const t = makeTopics(6);
  t[0]!.pinned = true;
  t[1]!.promoted = true;
  t[2]!.voted = true;
  return t;
}
const full = { voting: '', reporting: '', tags: 'ideas,bugs', 'community-url': 'https://community.example/', sort: 'new', limit: '4', live: '' };

describe('<kith-hot-topics> accessibility (axe-core)', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const layout of ['list', 'compact', 'cards'] as const) {
      it(`${layout}, ${theme}: list, chips, votes, pill, load more`, async () => {
        const b = backend({ topics: rich() });
        const el = await mount({ ...full, layout, theme }, b);
        await until(() => el.liveMode === 'stream');
        b.publish({ type: 'upsert', topic: { ...makeTopics(1)[0]!, id: 'new1' } });
        await until(() => $(el, '[part=new-button]'));
        await noAxeViolations(el, `${layout} ${theme}`);
      });
    }
  }

  it('loading skeleton, empty and error states', async () => {
    const slow = backend();
    slow.listTopics = () => new Promise(() => {});
    const loading = await mount({}, slow, false);
    await noAxeViolations(loading, 'loading');
    const empty = await mount({ 'community-url': 'https://community.example/' }, backend({ topics: [] }));
    await noAxeViolations(empty, 'empty');
    const down = backend();
    down.listTopics = async () => {
      throw new KithError('network', 'down');
    };
    const error = await mount({ theme: 'dark' }, down);
    expect($(error, '[part=error]')).to.not.equal(null);
    await noAxeViolations(error, 'error');
  });

  it('report dialog (with a missing reason), vote rollback notice and a failed "load more", in Arabic (RTL)', async () => {
    const b = backend({ topics: makeTopics(15) });
    b.voteTopic = async () => {
      throw new KithError('rejected', 'no', { status: 403 });
    };
    const el = await mount({ ...full, locale: 'ar', limit: '10' }, b);
    await until(() => $(el, '[part=base]')!.getAttribute('dir') === 'rtl' && $(el, '[part=list]')!.getAttribute('aria-label') === 'مواضيع المجتمع');
    await click(el, topicEl(el, 't1').querySelector('button[part~=vote]'));
    await until(() => $(el, '[part=notice]')?.textContent);
    b.listTopics = async () => {
      throw new KithError('timeout', 'slow');
    };
    await click(el, $(el, '[part=more]'));
    await until(() => $(el, '.foot [role=alert]'));
    await noAxeViolations(el, 'ar list');
    await click(el, topicEl(el, 't0').querySelector('[part=report-button]'));
    await until(() => $<HTMLDialogElement>(el, 'dialog')?.open);
    await click(el, $(el, 'dialog [part=submit]'));
    await until(() => $(el, '#reason-msg'));
    await noAxeViolations($(el, 'dialog')!, 'ar report dialog');
  });
});
