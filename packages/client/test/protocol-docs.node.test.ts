import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApiFile, renderOpenApi } from '../../../scripts/protocol-docs.ts';

test('docs/protocol/openapi.json matches the zod schemas (run `pnpm protocol` after a schema change)', () => {
  assert.equal(readFileSync(openApiFile, 'utf8'), renderOpenApi());
});

test('every protocol call is documented', () => {
  const doc = JSON.parse(renderOpenApi());
  const paths = Object.keys(doc.paths);
  for (const p of ['/v1/surveys/{id}', '/v1/surveys/{id}/responses', '/v1/feedback', '/v1/topics', '/v1/topics/stream', '/v1/topics/{id}/votes', '/v1/topics/{id}/reports', '/v1/badges', '/v1/members/{id}/badges', '/v1/leaderboard', '/v1/events']) {
    assert.ok(paths.includes(p), `${p} missing`);
  }
  // responses as the client accepts them: a field with a default (defaultLocale) may be left out, and
  // unknown fields are allowed (protocol rule 4)
  assert.deepEqual(doc.components.schemas.Survey.required.sort(), ['id', 'questions', 'version']);
  assert.equal(doc.components.schemas.Survey.additionalProperties, undefined);
});
