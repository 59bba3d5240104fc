import { expect } from '@esm-bundle/chai';
import type { Backend, LeaderboardQuery } from '@kith/client';
import { $, $$, badgeButton, memoryBackend, mount, names, seed, text, until } from './harness.ts';

describe('<kith-badge-wall> catalog mode', () => {
  it('shows every badge with how many members hold it, nothing locked', async () => {
    const el = await mount({ mode: 'catalog' });
    expect(text($(el, '[part=title]'))).to.equal('Badges');
    expect(names(el)).to.have.length(5);
    expect($$(el, '[part~=badge-locked]')).to.have.length(0);
    expect(text(badgeButton(el, 'First post'))).to.contain('2 members have it');
    expect(text(badgeButton(el, 'Helper'))).to.contain('1 member has it');
    expect(text(badgeButton(el, 'Legend'))).to.contain('0 members have it');
  });

  it('filters by tier and opens a detail with the holder count', async () => {
    const el = await mount({ mode: 'catalog', tiers: 'gold' });
    expect(names(el)).to.deep.equal(['Voice']);
    badgeButton(el, 'Voice').click();
    await until(() => $<HTMLDialogElement>(el, 'dialog')!.open, 2000, 'the detail');
    expect(text($(el, 'dialog'))).to.contain('1 member has it').and.contain('Send us feedback 3 times.');
  });

  it('shows an empty catalog as a message', async () => {
    const el = await mount({ mode: 'catalog' }, memoryBackend({}));
    expect(text($(el, '[part=message]'))).to.equal('No badges yet.');
  });

  it('formats counts for the visitor’s language', async () => {
    const el = await mount({ mode: 'catalog', locale: 'ru' });
    expect(text(badgeButton(el, 'First post'))).to.contain('Есть у 2 участников');
    expect(text(badgeButton(el, 'Helper'))).to.contain('Есть у 1 участника');
  });
});

describe('<kith-badge-wall> leaderboard mode', () => {
  const recording = () => {
    const b = memoryBackend(seed());
    const queries: LeaderboardQuery[] = [];
    const backend: Backend = { ...b, getLeaderboard: (q, ctx) => (queries.push(q), b.getLeaderboard(q, ctx)) };
    return { backend, queries };
  };

  it('is a table with headers, ranked rows, points and top badges', async () => {
    const { backend, queries } = recording();
    const el = await mount({ mode: 'leaderboard' }, backend);
    expect(queries).to.deep.equal([{ period: 'week', limit: 10 }]);
    const table = $<HTMLTableElement>(el, 'table')!;
    expect(table.getAttribute('aria-labelledby')).to.equal('title');
    expect(text($(el, '[part=title]'))).to.equal('Leaderboard');
    const summary = $(el, '[part=summary]')!;
    expect(text(summary)).to.equal('this week'); // Intl.RelativeTimeFormat, capitalized by CSS
    expect(getComputedStyle(summary, '::first-letter').textTransform).to.equal('uppercase');
    expect([...table.tHead!.rows[0]!.cells].map((c) => [c.scope, text(c)])).to.deep.equal([
      ['col', 'Rank'],
      ['col', 'Member'],
      ['col', 'Points'],
      ['col', 'Badges'],
    ]);
    const rows = [...table.tBodies[0]!.rows];
    expect(rows.map((r) => [...r.cells].slice(0, 3).map(text))).to.deep.equal([
      ['1', 'Bo', '300'],
      ['2', 'Ana', '120'],
      ['3', 'Cy', '50'],
    ]);
    expect(rows[0]!.cells[1]!.tagName).to.equal('TH');
    expect(rows[0]!.cells[1]!.getAttribute('scope')).to.equal('row');
    expect(rows[0]!.querySelector<HTMLImageElement>('[part=avatar]')!.alt).to.equal('');
    expect([...rows[0]!.cells[3]!.querySelectorAll('[role=img]')].map((i) => i.getAttribute('aria-label'))).to.deep.equal(['First post', 'Voice']);
    expect(rows[1]!.cells[3]!.querySelector('img')!.alt).to.equal('Two hands');
  });

  it('asks for the period and limit given, and again when they change', async () => {
    const { backend, queries } = recording();
    const el = await mount({ mode: 'leaderboard', period: 'month', limit: '2' }, backend);
    expect(queries).to.deep.equal([{ period: 'month', limit: 2 }]);
    expect($$(el, 'tbody tr')).to.have.length(2);
    el.setAttribute('period', 'all');
    await until(() => queries.length === 2, 3000, 'a second fetch');
    expect(queries[1]).to.deep.equal({ period: 'all', limit: 2 });
    await until(() => text($(el, '[part=summary]')) === 'All time');
    el.setAttribute('locale', 'es');
    el.setAttribute('period', 'month');
    await until(() => text($(el, '[part=summary]')) === 'este mes', 3000, 'the period in Spanish');
  });

  it('formats ranks and points with Intl', async () => {
    const s = seed();
    s.members[0]!.points = 12345;
    const el = await mount({ mode: 'leaderboard', locale: 'de' }, memoryBackend(s));
    expect(text($(el, 'tbody tr td.num'))).to.equal('12.345');
  });

  it('shows an empty board as a message', async () => {
    const el = await mount({ mode: 'leaderboard' }, memoryBackend({}));
    expect(text($(el, '[part=message]'))).to.equal('No one is on the leaderboard yet.');
    expect($(el, 'table')).to.equal(null);
  });
});
