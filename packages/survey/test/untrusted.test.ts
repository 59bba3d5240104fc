// Definitions and attributes a backend or a page can get wrong: the visitor never loops, never sees
// program text, and never loses an answer to another copy of the same survey.
import { expect } from '@esm-bundle/chai';
import type { Backend, ResponseUpsert } from '@kith/client';
import { backend, mount, newSite, next, pick, tick, until, $, legend } from './harness.ts';

const errorsDuring = async <T>(fn: () => Promise<T>) => {
  const logged: string[] = [];
  const error = console.error;
  console.error = (...a: unknown[]) => logged.push(a.join(' '));
  try {
    return { value: await fn(), logged };
  } finally {
    console.error = error;
  }
};

describe('<kith-survey> with untrusted definitions and attributes', () => {
  for (const [what, ids] of [
    ['a repeated question id', ['a', 'b', 'a']],
    ['a question id "end"', ['a', 'end', 'b']],
  ] as const) {
    it(`${what} is a visible error naming it, not a loop`, async () => {
      const b = backend({
        surveys: [{ id: 'bad', version: 1, questions: ids.map((id, i) => ({ id, type: 'yesno', text: `Question ${i + 1}?` })) }] as never,
      });
      const { value: el, logged } = await errorsDuring(async () => {
        const el = await mount({ survey: 'bad' }, b);
        await until(() => !!$(el, '[part=error]'), 2000, 'the error state');
        return el;
      });
      expect($(el, '.q'), 'no question shown').to.equal(null);
      expect($(el, '[part=error]')!.getAttribute('role')).to.equal('status');
      expect(logged.join('\n')).to.match(/<kith-survey> Question id "(a|end)" is repeated or reserved/);
    });
  }

  it('two copies of one survey resuming the same response: each answer is saved with a higher seq, so none is dropped', async () => {
    const site = newSite();
    // what a first visit left (both copies resume it)
    localStorage.setItem(`kith:survey:${site}:nps`, JSON.stringify({ responseId: 'shared-resp-0001', version: 1, answers: {}, path: ['score'], seq: 0, roll: 0.5 }));
    const mem = backend();
    const sent: ResponseUpsert[] = [];
    const b: Backend = { ...mem, upsertResponse: (id, body, ctx) => (sent.push(structuredClone(body)), mem.upsertResponse(id, body, ctx)) };
    const one = await mount({ survey: 'nps', site }, b);
    const two = await mount({ survey: 'nps', site }, b);
    await until(() => !!$(one, '.q input') && !!$(two, '.q input'), 2000, 'both open');
    await pick(one, '3');
    await next(one);
    await until(() => sent.length === 1, 2000, 'the first upsert'); // (a queued one would be replaced by the next)
    await pick(two, '9');
    await next(two);
    await until(() => sent.length >= 2, 2000, 'two upserts');
    expect(sent.map((s) => [s.responseId, s.seq, s.answers])).to.deep.equal([
      ['shared-resp-0001', 1, { score: 3 }],
      ['shared-resp-0001', 2, { score: 9 }],
    ]);
    await until(() => mem.state.responses.get('shared-resp-0001')?.seq === 2, 2000, 'the later answer kept');
    expect(mem.state.responses.get('shared-resp-0001')?.answers).to.deep.equal({ score: 9 });
  });

  it('a defaultLocale naming an Object.prototype member shows the survey\'s own text, not program source', async () => {
    const b = backend({
      surveys: [{ id: 'loc', version: 1, defaultLocale: 'toString', questions: [{ id: 'q', type: 'yesno', text: { fr: 'Bonjour ?' } }] }] as never,
    });
    const el = await mount({ survey: 'loc', locale: 'de' }, b);
    await until(() => !!$(el, '.q'), 2000, 'open');
    expect(legend(el)).to.equal('Bonjour ?');
  });

  it('English fallback text on an Arabic page reads left to right; the widget\'s own UI stays right to left', async () => {
    const el = await mount({ survey: 'nps', locale: 'ar' });
    await until(() => !!$(el, '.q legend'), 2000, 'open');
    await el.updateComplete;
    expect(legend(el)).to.equal('How likely?');
    expect(getComputedStyle($(el, '.q legend')!).direction).to.equal('ltr');
    expect(getComputedStyle($(el, '[part~=next]')!).direction).to.equal('rtl');
  });

  it('sample="" is the default (everyone), not 0 (no one)', async () => {
    const el = await mount({ survey: 'nps', sample: '' });
    await until(() => !!$(el, '.q input'), 2000, 'open');
    expect(el.sample).to.equal(undefined);
    expect($(el, '[part=error]')).to.equal(null);
  });

  it('delay: a delay past what a timer can hold (24.8 days) does not open at once', async () => {
    const el = await mount({ survey: 'nps', trigger: 'delay:99999999999s' });
    await tick(300);
    expect(el.isOpen).to.equal(false);
    expect($(el, '.q')).to.equal(null);
  });
});
