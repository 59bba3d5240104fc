// The browser's generated checks (packages/client/src/protocol/checks/) must say what the zod
// schemas say. Real payloads from the reference server, plus hand-made ones for the writes and acks,
// are each broken in every place they can be (a field removed, retyped, emptied, made too long,
// an unknown one added) and both validators must agree on every variant: pass or fail alike, and
// on a pass give the same value (defaults filled in, unknown fields dropped).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as z from 'zod/mini';
import * as checks from '../packages/client/src/protocol/checks/index.ts';
import * as protocol from '../packages/client/src/protocol/index.ts';
import { join } from 'node:path';
import { checksDir, renderChecks } from '../scripts/protocol-checks.ts';
import { testApp } from '../packages/server/test/helpers.ts';

type Json = unknown;

const BREAKS: Json[] = [undefined, null, 0, -1, 1.5, 1e21, '', 'x', 'not a date', 'x'.repeat(3000), true, [], {}, ['x'], { x: 1 }];

/** Every variant of `value` with one place broken. */
function* variants(value: Json, path: (string | number)[] = []): Generator<[string, Json]> {
  for (const b of BREAKS) yield [`${path.join('.') || '(root)'} = ${JSON.stringify(b)?.slice(0, 20)}`, b];
  if (Array.isArray(value)) {
    yield [`${path.join('.')} + item`, [...value, value[0]]];
    for (let i = 0; i < value.length; i++)
      for (const [what, v] of variants(value[i], [...path, i])) yield [what, value.map((x, j) => (j === i ? v : x))];
  } else if (value && typeof value === 'object') {
    yield [`${path.join('.')} + unknown field`, { ...value, unknownField: 1 }];
    for (const [k, x] of Object.entries(value)) {
      const { [k]: _, ...rest } = value as Record<string, Json>;
      yield [`${[...path, k].join('.')} removed`, rest];
      for (const [what, v] of variants(x, [...path, k])) yield [what, { ...value, [k]: v }];
    }
  }
}

function agree(name: keyof typeof checks, sample: Json) {
  const schema = (protocol as unknown as Record<string, z.ZodMiniType>)[name]!;
  const check = checks[name] as (v: unknown) => unknown;
  assert.ok(z.safeParse(schema, sample).success, `${name}: the sample itself must be valid`);
  let n = 0;
  for (const [what, v] of variants(sample)) {
    const expected = z.safeParse(schema, v);
    let actual: { success: boolean; data?: unknown };
    try {
      actual = { success: true, data: check(v) };
    } catch {
      actual = { success: false };
    }
    assert.equal(actual.success, expected.success, `${name}, ${what}: zod says ${expected.success ? 'valid' : 'invalid'}`);
    if (expected.success) assert.deepEqual(actual.data, expected.data, `${name}, ${what}: same value`);
    n++;
  }
  return n;
}

test('protocol/checks/ is what `pnpm protocol` writes from the schemas', () => {
  for (const [name, text] of renderChecks()) assert.equal(readFileSync(join(checksDir, name), 'utf8'), text, `${name}: run \`pnpm protocol\``);
});

test('the generated checks and zod agree on the reference server payloads, broken every way', async () => {
  const { call } = await testApp();
  const get = async (path: string) => {
    const r = await call('GET', path);
    assert.equal(r.status, 200, path);
    return r.json;
  };
  let n = 0;
  for (const id of ['demo-nps', 'demo-product']) n += agree('Survey', await get(`/v1/surveys/${id}`));
  const topics = await get('/v1/topics?limit=3');
  n += agree('TopicPage', topics);
  n += agree('TopicStreamEvent', { type: 'upsert', topic: topics.items[0] });
  n += agree('TopicStreamEvent', { type: 'remove', id: 't1' });
  const badges = await get('/v1/badges');
  n += agree('BadgeCatalog', { ...badges, items: badges.items.slice(0, 3) });
  const member = await get('/v1/members/demo-member/badges');
  n += agree('MemberBadges', { ...member, items: member.items.slice(0, 3) });
  const board = await get('/v1/leaderboard?limit=2');
  n += agree('Leaderboard', board);
  assert.ok(n > 5000, `only ${n} variants`);
});

test('the generated checks and zod agree on writes, acks and problems, broken every way', () => {
  const at = '2026-03-02T12:00:00.000Z';
  agree('ResponseUpsert', { responseId: 'resp-000001', surveyVersion: 1, seq: 2, answers: { q1: 9, q2: 'Great', q3: { selected: ['a'], other: 'x' }, q4: true }, finished: false, locale: 'en', url: 'https://x.test/' });
  agree('ResponseAck', { responseId: 'resp-000001', finished: true, seq: 2 });
  agree('FeedbackSubmit', { id: 'fb-0000001', message: 'Hi', category: 'bug', rating: 4, email: 'a@b.co', context: { url: 'https://x.test/', title: 'T', locale: 'en', viewport: '1x1' }, honeypot: '', elapsedMs: 1200 });
  agree('FeedbackAck', { id: 'fb-0000001', status: 'received', createdAt: at });
  agree('VoteSubmit', { id: 'vote-000001', value: 1 });
  agree('VoteAck', { topicId: 't1', votes: 3, voted: true });
  agree('ReportSubmit', { id: 'rep-0000001', reason: 'spam', note: 'x' });
  agree('ReportAck', { id: 'rep-0000001', topicId: 't1', received: true });
  agree('EventBatch', { events: [{ id: 'ev-0000001', type: 'view', widget: 'survey', subject: 's1', at }] });
  agree('EventAck', { accepted: 1 });
  agree('Problem', { type: 'about:blank', title: 'Bad', status: 400, detail: 'x', errors: [{ path: 'a', message: 'b' }], retryAfter: 2 });
  agree('TopicQuery', { sort: 'new', tag: 'x', period: 'week', limit: '5', cursor: 'c' });
  agree('LeaderboardQuery', { period: 'month', limit: '3' });
});
