// `pnpm protocol`: writes docs/protocol/openapi.json and packages/client/src/protocol/checks/*.ts
// (the browser's validators) from the protocol's zod schemas.
// `pnpm protocol --check` exits 1 when any written file is out of date.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../packages/client/src/protocol/openapi.ts';
import { join } from 'node:path';
import { checksDir, renderChecks } from './protocol-checks.ts';

export const openApiFile = fileURLToPath(new URL('../docs/protocol/openapi.json', import.meta.url));
export const renderOpenApi = () => JSON.stringify(openApiDocument(), null, 2) + '\n';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files: [string, string][] = [
    [openApiFile, renderOpenApi()],
    ...[...renderChecks()].map(([name, text]): [string, string] => [join(checksDir, name), text]),
  ];
  if (process.argv.includes('--check')) {
    let stale = false;
    for (const [file, text] of files) {
      let current = '';
      try {
        current = readFileSync(file, 'utf8');
      } catch {}
      if (current !== text) {
        console.error(`${file} is out of date: run \`pnpm protocol\`.`);
        stale = true;
      }
    }
    if (stale) process.exit(1);
    console.log('docs/protocol/openapi.json and protocol/checks/ match the schemas.');
  } else {
    mkdirSync(new URL('../docs/protocol/', import.meta.url), { recursive: true });
    mkdirSync(checksDir, { recursive: true });
    for (const [file, text] of files) {
      writeFileSync(file, text);
      console.log(`wrote ${file}`);
    }
  }
}
