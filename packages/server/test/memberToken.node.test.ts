import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { signMemberToken, verifyMemberToken } from '../src/domain/memberToken.ts';
import { DEMO } from '../src/seed/demo.ts';
import { testApp } from './helpers.ts';

const SECRET = 'a-site-secret-of-some-length';
const NOW = 1_800_000_000;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

test('a token signed with the site secret verifies to its claims', () => {
  const token = signMemberToken({ sub: 'm1', name: 'Ada', exp: NOW + 60 }, SECRET);
  assert.deepEqual(verifyMemberToken(token, SECRET, NOW), { ok: true, claims: { sub: 'm1', name: 'Ada', exp: NOW + 60 } });
});

test('it matches an HS256 JWT made by any library (RFC 7519 form)', () => {
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64({ sub: 'm2', name: 'Bo', exp: NOW + 60, iat: NOW });
  const sig = createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url');
  assert.equal(verifyMemberToken(`${head}.${body}.${sig}`, SECRET, NOW).ok, true);
});

test('expired, forged, alg none, other algorithms, malformed and claimless tokens are refused with a reason', () => {
  const reason = (token: string) => {
    const r = verifyMemberToken(token, SECRET, NOW);
    return r.ok ? 'ok' : r.reason;
  };
  assert.equal(reason(signMemberToken({ sub: 'm', name: 'n', exp: NOW - 31 }, SECRET)), 'expired');
  assert.equal(reason(signMemberToken({ sub: 'm', name: 'n', exp: NOW - 10 }, SECRET)), 'ok', '30 s of clock skew forgiven');
  assert.equal(reason(signMemberToken({ sub: 'm', name: 'n', exp: NOW + 60 }, 'another-secret')), 'signature');
  assert.equal(reason(`${b64({ alg: 'none' })}.${b64({ sub: 'm', exp: NOW + 60 })}.`), 'algorithm');
  assert.equal(reason(`${b64({ alg: 'HS512' })}.${b64({ sub: 'm', exp: NOW + 60 })}.abc`), 'algorithm');
  assert.equal(reason('not-a-token'), 'malformed');
  assert.equal(reason('a.b.c.d'), 'malformed');
  assert.equal(reason(signMemberToken({ sub: '', name: 'n', exp: NOW + 60 }, SECRET)), 'claims');
  assert.equal(reason(signMemberToken({ sub: 'm', name: 'n', exp: NOW + 60, nbf: NOW + 3600 }, SECRET)), 'not-yet-valid');
  const valid = signMemberToken({ sub: 'm', name: 'n', exp: NOW + 60 }, SECRET);
  const tampered = valid.replace(/\.([^.]+)\./, `.${b64({ sub: 'admin', name: 'n', exp: NOW + 60 })}.`);
  assert.equal(reason(tampered), 'signature');
});

test('/v1/members/me/badges: missing, expired and invalid tokens are distinguishable 401 problems', async () => {
  const t = await testApp();
  const nowS = Math.floor(t.time.now() / 1000);
  const me = (token?: string) => t.call('GET', '/v1/members/me/badges', { token });
  const missing = await me();
  assert.equal(missing.status, 401);
  assert.equal(missing.json.type, 'urn:kith:problem:token-missing');
  const expired = await me(signMemberToken({ sub: 'demo-member', name: 'Alex', exp: nowS - 3600 }, DEMO.memberSecret));
  assert.equal(expired.status, 401);
  assert.equal(expired.json.type, 'urn:kith:problem:token-expired');
  assert.match(expired.headers.get('www-authenticate')!, /error="invalid_token", error_description="expired"/);
  const forged = await me(signMemberToken({ sub: 'demo-member', name: 'Alex', exp: nowS + 3600 }, 'guessed-secret'));
  assert.equal(forged.status, 401);
  assert.equal(forged.json.type, 'urn:kith:problem:token-invalid');
  assert.equal(forged.headers.get('content-type'), 'application/problem+json');
  const ok = await me(signMemberToken({ sub: 'demo-member', name: 'Alex Rivera', exp: nowS + 3600 }, DEMO.memberSecret));
  assert.equal(ok.status, 200);
  assert.equal(ok.json.member.id, 'demo-member');
});

test('a token of one site is invalid on another; rotating the secret invalidates old tokens', async () => {
  const t = await testApp();
  const created = await t.admin('POST', '/sites', { key: 'other', name: 'Other', allowedOrigins: ['https://other.example'] });
  assert.equal(created.status, 201);
  assert.equal(created.json.memberSecret.length >= 32, true);
  const minted = await t.admin('POST', '/sites/other/member-tokens', { sub: 'm9', name: 'Nine', ttlSeconds: 600 });
  assert.equal(minted.status, 201);
  assert.equal((await t.call('GET', '/v1/members/me/badges', { site: 'other', token: minted.json.token })).status, 200);
  assert.equal((await t.call('GET', '/v1/members/me/badges', { site: 'demo', token: minted.json.token })).json.type, 'urn:kith:problem:token-invalid');
  await t.admin('POST', '/sites/other/member-secret');
  assert.equal((await t.call('GET', '/v1/members/me/badges', { site: 'other', token: minted.json.token })).status, 401);
});

test('writes with a bad token are still accepted, as the anonymous visitor', async () => {
  const t = await testApp();
  const res = await t.call('POST', '/v1/feedback', { token: 'garbage.token.here', body: { id: t.id('fb'), message: 'still counts', elapsedMs: 5000 } });
  assert.equal(res.status, 201);
  const inbox = (await t.admin('GET', '/sites/demo/feedback')).json.items;
  assert.equal(inbox[0].message, 'still counts');
  assert.equal(inbox[0].memberId, undefined);
});
