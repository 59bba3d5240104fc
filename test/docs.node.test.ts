import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expected, root, widgets } from '../scripts/api-docs.ts';

// Each widget's manifest and README API tables are generated from its class; `pnpm docs` rewrites them.
for (const w of widgets) {
  test(`${w}: custom-elements.json and the README's API tables match the class`, () => {
    const want = expected(w);
    assert.equal(readFileSync(join(root, 'packages', w, 'custom-elements.json'), 'utf8'), want.manifest, 'custom-elements.json is stale: run `pnpm docs`');
    assert.equal(readFileSync(join(root, 'packages', w, 'README.md'), 'utf8'), want.readme, 'README API tables are stale: run `pnpm docs`');
  });
}
