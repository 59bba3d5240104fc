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

// Each widget's React JSX types (src/react.ts) list its own properties by hand: every attribute the
// class declares (its manifest says which) must be there, or React users cannot set it in TypeScript.
for (const w of widgets) {
  test(`${w}: the React JSX types name every attribute's property`, () => {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', w, 'custom-elements.json'), 'utf8'));
    const own = manifest.modules
      .flatMap((m: { declarations?: { customElement?: boolean; attributes?: { fieldName?: string; inheritedFrom?: unknown }[] }[] }) => m.declarations ?? [])
      .filter((d: { customElement?: boolean }) => d.customElement)
      .flatMap((d: { attributes?: { fieldName?: string; inheritedFrom?: unknown }[] }) => d.attributes ?? [])
      .filter((a: { fieldName?: string; inheritedFrom?: unknown }) => a.fieldName && !a.inheritedFrom)
      .map((a: { fieldName: string }) => a.fieldName);
    assert.ok(own.length > 0, 'the manifest lists the attributes');
    const types = readFileSync(join(root, 'packages', w, 'src', 'react.ts'), 'utf8');
    assert.deepEqual(own.filter((f: string) => !types.includes(`'${f}'`)), [], `packages/${w}/src/react.ts lacks these properties`);
  });
}
