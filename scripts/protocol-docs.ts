// `pnpm protocol`: writes docs/protocol/openapi.json from the protocol's zod schemas.
// `pnpm protocol --check` exits 1 when the written file is out of date.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../packages/client/src/protocol/openapi.ts';

export const openApiFile = fileURLToPath(new URL('../docs/protocol/openapi.json', import.meta.url));
export const renderOpenApi = () => JSON.stringify(openApiDocument(), null, 2) + '\n';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderOpenApi();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(openApiFile, 'utf8');
    } catch {}
    if (current !== text) {
      console.error('docs/protocol/openapi.json is out of date: run `pnpm protocol`.');
      process.exit(1);
    }
    console.log('docs/protocol/openapi.json matches the schemas.');
  } else {
    mkdirSync(new URL('../docs/protocol/', import.meta.url), { recursive: true });
    writeFileSync(openApiFile, text);
    console.log(`wrote ${openApiFile}`);
  }
}
