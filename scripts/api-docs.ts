// `pnpm docs`: for each widget, analyse its class (custom-elements-manifest, Lit-aware, inheriting
// KithElement), write packages/<widget>/custom-elements.json and the API tables in its README between
// <!-- api:start --> and <!-- api:end -->. `pnpm docs --check` exits 1 when either is out of date,
// so docs cannot drift from the code.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const widgets = ['survey', 'feedback', 'hot-topics', 'badge-wall'].filter((w) => existsSync(join(root, 'packages', w, 'src', 'define.ts')));

interface Item {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
  fieldName?: string;
  privacy?: string;
  static?: boolean;
  kind?: string;
  readonly?: boolean;
  attribute?: string;
  parameters?: { name: string }[];
  inheritedFrom?: { name: string };
}
interface Decl extends Item {
  tagName?: string;
  attributes?: Item[];
  members?: Item[];
  events?: Item[];
  cssProperties?: Item[];
  cssParts?: Item[];
}
interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: Decl[]; exports?: unknown[] }[];
}

/** The manifest of one widget package: its modules plus the KithElement it inherits from. */
export function analyse(widget: string): Manifest {
  // cem resolves --outdir against the working directory even when absolute, so stay inside the repo.
  mkdirSync(join(root, '.kith'), { recursive: true });
  const out = mkdtempSync(join(root, '.kith', 'cem-'));
  try {
    execFileSync(
      join(root, 'node_modules/.bin/cem'),
      ['analyze', '--config', 'scripts/cem.config.mjs', '--litelement', '--globs', 'packages/ui/src/kith-element.ts', `packages/${widget}/src/*.ts`, '--exclude', `packages/${widget}/src/*.styles.ts`, '--exclude', `packages/${widget}/src/react.ts`, '--outdir', relative(root, out)],
      { cwd: root, stdio: 'pipe' },
    );
    const m = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as Manifest;
    // Keep the widget's own modules; KithElement's members arrive through inheritance.
    m.modules = m.modules.filter((mod) => mod.path.startsWith(`packages/${widget}/`));
    for (const mod of m.modules) mod.path = mod.path.replace(`packages/${widget}/`, '');
    return m;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const cell = (s = '') => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
const code = (s?: string) => (s ? `\`${s}\`` : '');

/** Markdown tables of the element's public API, from the manifest. */
export function tables(m: Manifest): string {
  const el = m.modules.flatMap((mod) => mod.declarations ?? []).find((d) => d.tagName);
  if (!el) return '';
  const attrs = el.attributes ?? [];
  const attrFields = new Set(attrs.map((a) => a.fieldName));
  const pub = (i: Item) => !i.privacy && !i.static && !i.name.startsWith('#');
  const props = (el.members ?? []).filter((i) => i.kind === 'field' && pub(i) && !attrFields.has(i.name));
  // KithElement's helpers (t, l, n, emit...) are for widget authors; pages use only retry().
  const methods = (el.members ?? []).filter(
    (i) => i.kind === 'method' && pub(i) && i.description && (i.inheritedFrom?.name !== 'KithElement' || i.name === 'retry'),
  );
  const rows: string[] = [`### \`<${el.tagName}>\` API`, '', 'Generated from the class by `pnpm docs`; a test fails when it drifts.', ''];
  const table = (title: string, head: string[], body: string[][]) => {
    if (!body.length) return;
    rows.push(`**${title}**`, '', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`), '');
  };
  table('Attributes', ['attribute', 'property', 'type', 'default', 'description'], attrs.map((a) => [code(a.name), code(a.fieldName), cell(a.type?.text), cell(a.default), cell(a.description)]));
  table('Properties', ['property', 'type', 'description'], props.map((p) => [code(p.name), cell(p.type?.text), cell(p.description)]));
  table('Methods', ['method', 'description'], methods.map((p) => [code(`${p.name}(${(p.parameters ?? []).map((x) => x.name).join(', ')})`), cell(p.description)]));
  table('Events', ['event', 'description'], (el.events ?? []).map((e) => [code(e.name), cell(e.description)]));
  table('CSS custom properties', ['property', 'description'], (el.cssProperties ?? []).map((c) => [code(c.name), cell(c.description)]));
  table('Parts', ['part', 'description'], (el.cssParts ?? []).map((c) => [code(c.name), cell(c.description)]));
  return rows.join('\n').trimEnd();
}

const START = '<!-- api:start -->';
const END = '<!-- api:end -->';

/** The README with its generated section replaced (or appended). */
export function withTables(readme: string, generated: string): string {
  const block = `${START}\n${generated}\n${END}`;
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a >= 0 && b > a) return readme.slice(0, a) + block + readme.slice(b + END.length);
  return `${readme.trimEnd()}\n\n## API\n\n${block}\n`;
}

export function expected(widget: string): { manifest: string; readme: string } {
  const m = analyse(widget);
  const readmePath = join(root, 'packages', widget, 'README.md');
  const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : `# @kith/${widget}\n`;
  return { manifest: JSON.stringify(m, null, 2) + '\n', readme: withTables(readme, tables(m)) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const w of widgets) {
    const { manifest, readme } = expected(w);
    const files: [string, string][] = [
      [join(root, 'packages', w, 'custom-elements.json'), manifest],
      [join(root, 'packages', w, 'README.md'), readme],
    ];
    for (const [file, text] of files) {
      const now = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (now === text) continue;
      if (check) (stale++, console.error(`${file} is out of date: run \`pnpm docs\`.`));
      else (writeFileSync(file, text), console.log(`wrote ${file}`));
    }
  }
  if (stale) process.exit(1);
}
