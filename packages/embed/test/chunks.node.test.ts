// kith.js, as built: when a page uses a widget, the loader starts fetching every chunk the widget's
// chunk needs at the same time as that chunk, instead of one round trip after it.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { build, type Rolldown } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

test('the loader fetches each widget chunk together with all of its static dependencies', async () => {
  const out = await build({ root, configFile: `${root}/vite.config.ts`, logLevel: 'silent', build: { write: false } });
  const chunks = (Array.isArray(out) ? out : [out as Rolldown.RolldownOutput])
    .flatMap((o) => o.output)
    .filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const loader = chunks.find((c) => c.fileName === 'kith.js')!;
  const deps = (name: string, into = new Set<string>()): Set<string> => {
    for (const d of byName.get(name)!.imports) if (!into.has(d)) deps(d, into.add(d));
    return into;
  };
  const widgets = loader.dynamicImports.filter((d) => byName.get(d)!.moduleIds.some((id) => /packages\/[\w-]+\/src\/define\.ts$/.test(id)));
  assert.equal(widgets.length, 4, 'one chunk per widget');
  // lit, KithElement and the client runtime travel together in one chunk (scripts/vite-shared.mjs chunkGroups)
  const core = chunks.filter((c) => c.moduleIds.some((id) => id.endsWith('kith-element.ts')));
  assert.equal(core.length, 1);
  for (const m of ['lit-html.js', 'reactive-element.js', 'client/src/outbox.ts', 'ui/src/theme.ts'])
    assert.ok(core[0]!.moduleIds.some((id) => id.endsWith(m)), `${m} is in the core chunk`);
  for (const w of widgets) {
    const needed = [...deps(w)].filter((d) => !deps('kith.js').has(d));
    const modules = needed.flatMap((d) => byName.get(d)!.moduleIds);
    for (const m of ['lit-element.js', 'kith-element.ts', 'client/src/client.ts'])
      assert.ok(modules.some((id) => id.endsWith(m)), `${w} needs ${m} from another chunk`);
    // the widget's import expression names each dependency next to the widget chunk
    const at = loader.code.indexOf(`import(\`./${w}\`)`);
    assert.ok(at > 0, `${w} is imported by the loader`);
    const call = loader.code.slice(loader.code.lastIndexOf('([', at), at);
    for (const d of needed) assert.ok(call.includes(`"${d.replace(/^chunks\//, '').replace(/\.js$/, '')}"`), `${w}: ${d} starts with it`);
  }
});
