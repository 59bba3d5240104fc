// Generates packages/client/src/protocol/checks/*.ts: the browser's validators, written with the
// combinators of packages/client/src/check.ts from the protocol's zod schemas, so that the zod
// schemas stay the one source of truth while browser bundles carry no zod. `pnpm protocol` writes it;
// a node test fails when it is out of date, and another checks that zod and the generated checks
// agree on valid and broken payloads.
//
// Only the zod features the protocol uses are understood; anything else throws here, at generation
// time, rather than producing a check that is looser than the schema.
import { fileURLToPath } from 'node:url';
import * as common from '../packages/client/src/protocol/common.ts';
import * as survey from '../packages/client/src/protocol/survey.ts';
import * as feedback from '../packages/client/src/protocol/feedback.ts';
import * as topics from '../packages/client/src/protocol/topics.ts';
import * as badges from '../packages/client/src/protocol/badges.ts';
import * as events from '../packages/client/src/protocol/events.ts';

// One file per protocol area, so a page with one widget loads only its area's checks (and common's).
const AREAS = { common, survey, feedback, topics, badges, events } as const;
type Area = keyof typeof AREAS;

export const checksDir = fileURLToPath(new URL('../packages/client/src/protocol/checks/', import.meta.url));

// zod's internals, as far as this generator reads them.
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  pattern?: RegExp;
  coerce?: boolean;
  catchall?: Schema;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  options?: Schema[];
  discriminator?: string;
  values?: unknown[];
  entries?: Record<string, unknown>;
  defaultValue?: unknown;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface Schema {
  _zod: { def: Def };
}

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && '_zod' in v;
const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
const args = (...xs: (string | undefined)[]) => {
  while (xs.length && xs.at(-1) === undefined) xs.pop();
  return xs.map((x) => x ?? 'undefined').join(', ');
};

/** File name (in checksDir) -> text. */
export function renderChecks(): Map<string, string> {
  const names = new Map<Schema, string>();
  const home = new Map<string, Area>();
  for (const [area, mod] of Object.entries(AREAS) as [Area, Record<string, unknown>][])
    for (const [name, value] of Object.entries(mod))
      if (isSchema(value) && !names.has(value)) {
        names.set(value, name);
        home.set(name, area);
      }
  // Count how often each schema object is reached, to name the shared ones.
  const uses = new Map<Schema, number>();
  const children = (s: Schema): Schema[] => {
    const d = s._zod.def;
    return [
      ...Object.values(d.shape ?? {}),
      ...(d.options ?? []),
      ...[d.innerType, d.element, d.keyType, d.valueType].filter(isSchema),
    ];
  };
  const count = (s: Schema) => {
    uses.set(s, (uses.get(s) ?? 0) + 1);
    if (uses.get(s) === 1) children(s).forEach(count);
  };
  names.forEach((_, s) => count(s));

  /** Declarations in dependency order: name, body, whether exported, the names and the combinators the body uses. */
  const decls: { name: string; body: string; exported: boolean; refs: Set<string>; fns: Set<string> }[] = [];
  let refs = new Set<string>();
  let fns = new Set<string>();
  const done = new Set<Schema>();
  let n = 0;
  const call = (fn: string, a: string) => (fns.add(fn), `${fn}(${a})`);

  const declare = (s: Schema, name: string, exported: boolean) => {
    const outer = [refs, fns] as const;
    refs = new Set();
    fns = new Set();
    const body = expr(s, true);
    decls.push({ name, body, exported, refs, fns });
    [refs, fns] = outer;
    done.add(s);
  };
  const ref = (s: Schema): string => {
    let name = names.get(s);
    if (!name && (uses.get(s) ?? 0) > 1 && s._zod.def.type !== 'boolean') names.set(s, (name = `_${n++}`));
    if (!name) return expr(s, true);
    if (!done.has(s)) declare(s, name, !name.startsWith('_'));
    refs.add(name);
    return name;
  };

  function expr(s: Schema, root: boolean): string {
    if (!root) return ref(s);
    const d = s._zod.def;
    const checks = (d.checks ?? []).map((c) => c._zod.def);
    const lengths = () => {
      let min: number | undefined, max: number | undefined;
      for (const c of checks)
        if (c.check === 'min_length') min = c.minimum;
        else if (c.check === 'max_length') max = c.maximum;
      return [min, max] as const;
    };
    const only = (...allowed: string[]) => {
      for (const c of checks)
        if (!allowed.includes(c.check)) throw new Error(`protocol-checks: unsupported ${d.type} check "${c.check}"`);
    };
    switch (d.type) {
      case 'string': {
        only('min_length', 'max_length', 'string_format');
        const [min, max] = lengths();
        const formats = checks.filter((c) => c.check === 'string_format');
        if (d.format) formats.push({ check: 'string_format', format: d.format, pattern: d.pattern });
        if (formats.length > 1) throw new Error('protocol-checks: one string format at most');
        const f = formats[0];
        if (f && !f.pattern) throw new Error(`protocol-checks: string format "${f.format}" has no pattern`);
        return call(
          'str',
          args(
            min !== undefined || max !== undefined || f ? String(min ?? 0) : undefined,
            max !== undefined || f ? String(max ?? 'Infinity') : undefined,
            f ? String(f.pattern) : undefined,
            f && f.format !== 'regex' ? JSON.stringify(f.format) : undefined,
          ),
        );
      }
      case 'number': {
        only('greater_than', 'less_than', 'number_format');
        let int = d.format === 'safeint';
        let min: number | undefined, max: number | undefined;
        for (const c of checks) {
          if (c.check === 'number_format') {
            if (c.format !== 'safeint') throw new Error(`protocol-checks: number format ${c.format}`);
            int = true;
          } else if (!c.inclusive) throw new Error('protocol-checks: exclusive number bounds are not supported');
          else if (c.check === 'greater_than') min = c.value;
          else max = c.value;
        }
        const a = args(
          int ? '1' : min !== undefined || max !== undefined || d.coerce ? '0' : undefined,
          min !== undefined ? String(min) : max !== undefined || d.coerce ? '-Infinity' : undefined,
          max !== undefined ? String(max) : d.coerce ? 'Infinity' : undefined,
          d.coerce ? '1' : undefined,
        );
        return call('num', a);
      }
      case 'boolean':
        only();
        return (fns.add('bool'), 'bool');
      case 'literal':
        return call('lit', d.values!.map((v) => JSON.stringify(v)).join(', '));
      case 'enum':
        return call('lit', Object.values(d.entries!).map((v) => JSON.stringify(v)).join(', '));
      case 'object': {
        only();
        const loose = d.catchall?._zod.def.type === 'unknown';
        if (d.catchall && !loose) throw new Error('protocol-checks: only loose objects may have a catchall');
        const fields = Object.entries(d.shape!).map(([k, v]) => `${key(k)}: ${expr(v, false)}`);
        return call('obj', args(`{ ${fields.join(', ')} }`, loose ? '1' : undefined));
      }
      case 'optional':
        return call('opt', expr(d.innerType!, false));
      case 'nullable':
        return call('nul', expr(d.innerType!, false));
      case 'default': {
        const v = d.defaultValue;
        if (typeof v === 'object' && v !== null && !(Array.isArray(v) && v.length === 0))
          throw new Error('protocol-checks: defaults must be primitives or []');
        return call('def', `${expr(d.innerType!, false)}, ${JSON.stringify(v)}`);
      }
      case 'array': {
        only('min_length', 'max_length');
        const [min, max] = lengths();
        return call('arr', args(expr(d.element!, false), min !== undefined || max !== undefined ? String(min ?? 0) : undefined, max !== undefined ? String(max) : undefined));
      }
      case 'record':
        return call('rec', `${expr(d.keyType!, false)}, ${expr(d.valueType!, false)}`);
      case 'union': {
        if (!d.discriminator) return call('union', d.options!.map((o) => expr(o, false)).join(', '));
        const tag = d.discriminator;
        const options = d.options!.flatMap((o) => {
          const t = o._zod.def.shape?.[tag]?._zod.def;
          if (t?.type !== 'literal') throw new Error(`protocol-checks: discriminator "${tag}" must be a literal`);
          const body = expr(o, false);
          return t.values!.map((v) => `${key(String(v))}: ${body}`);
        });
        return call('tagged', `${JSON.stringify(tag)}, { ${options.join(', ')} }`);
      }
      default:
        throw new Error(`protocol-checks: unsupported zod type "${d.type}"`);
    }
  }

  for (const [s, name] of [...names]) if (!done.has(s) && !name.startsWith('_')) declare(s, name, true);

  // A shared piece lives with its users when they are all in one area, else in common.
  const areaOf = new Map<string, Area>(home);
  for (const d of [...decls].reverse()) {
    if (d.exported) continue;
    const users = new Set(decls.filter((u) => u.refs.has(d.name)).map((u) => areaOf.get(u.name)!));
    areaOf.set(d.name, users.size === 1 ? [...users][0]! : 'common');
  }
  const files = new Map<string, string>();
  const header = [
    '// Generated by `pnpm protocol` (scripts/protocol-checks.ts) from the zod schemas in ../: do not edit.',
    '// The browser validates backend data with these; see ../../check.ts.',
  ];
  for (const area of Object.keys(AREAS) as Area[]) {
    const mine = decls.filter((d) => areaOf.get(d.name) === area);
    const fromArea = new Map<Area, Set<string>>();
    const helpers = new Set<string>();
    for (const d of mine) {
      for (const r of d.refs) {
        const a = areaOf.get(r)!;
        if (a !== area) fromArea.set(a, (fromArea.get(a) ?? new Set()).add(r));
      }
      d.fns.forEach((f) => helpers.add(f));
    }
    const lines = mine.map((d) =>
      d.exported ? `export const ${d.name}: Check<output<typeof P.${d.name}>> = ${d.body};` : `${area === 'common' || [...decls].some((u) => u.refs.has(d.name) && areaOf.get(u.name) !== area) ? 'export ' : ''}const ${d.name} = ${d.body};`,
    );
    files.set(
      `${area}.ts`,
      [
        ...header,
        `import { ${[...helpers].sort().join(', ')}${helpers.size ? ', ' : ''}type Check } from '../../check.ts';`,
        ...[...fromArea].map(([a, ns]) => `import { ${[...ns].sort().join(', ')} } from './${a}.ts';`),
        "import type { output } from 'zod/mini';",
        `import type * as P from '../${area}.ts';`,
        '',
        ...lines,
        '',
      ].join('\n'),
    );
  }
  files.set(
    'index.ts',
    [
      ...header,
      ...(Object.keys(AREAS) as Area[]).map((a) => {
        const names = decls.filter((d) => d.exported && areaOf.get(d.name) === a).map((d) => d.name);
        return `export { ${names.sort().join(', ')} } from './${a}.ts';`;
      }),
      '',
    ].join('\n'),
  );
  return files;
}
