// Vite settings every package build shares (and `pnpm size` measures with): library mode, minified
// (Vite 8 needs rolldownOptions.output.minify in library mode), whitespace-free Lit `css` templates
// and indentation-free `html` templates.

/**
 * Collapses the whitespace and comments inside Lit `css\`...\`` templates at build time (Lit ships
 * template text as written). Whitespace goes next to `{ } ; , >` and after `:` (never before it, so
 * `.a :hover` keeps its meaning); other runs become one space; `${...}` parts are left alone. Each
 * rule's last `;` goes, `0.5` becomes `.5`, `[a='b']` becomes `[a=b]`, and `.a + .b` becomes `.a+.b`
 * (only before a selector, so `calc(1rem + 2px)` keeps its spaces).
 * @returns {import('vite').Plugin}
 */
export function litCssMinify() {
  const tpl = /\bcss`((?:[^`\\$]|\\.|\$(?!\{)|\$\{[^}]*\})*)`/g;
  /** @param {string} text */
  const squeeze = (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/\s*([+~])\s*(?=[.#[*])/g, '$1')
      .replace(/\[([\w-]+)([~|^$*]?=)'([A-Za-z_][\w-]*)'\]/g, '[$1$2$3]')
      .replace(/;}/g, '}')
      .replace(/(^|[^\w.#-]-?)0\.(\d)/g, '$1.$2')
      .trim();
  return {
    name: 'kith-lit-css-minify',
    transform(code, id) {
      if (!/\.ts$/.test(id) || id.includes('node_modules') || !code.includes('css`')) return null;
      const out = code.replace(tpl, (_m, /** @type {string} */ body) =>
        `css\`${body.split(/(\$\{[^}]*\})/).map((p, i) => (i % 2 ? p : squeeze(p))).join('')}\``);
      return { code: out, map: null };
    },
  };
}

/**
 * Collapses the indentation inside Lit `html` and `svg` templates at build time: every run of
 * whitespace that contains a line break becomes one space, which HTML renders the same way (Kith's
 * templates hold no `<pre>` and no whitespace-sensitive text). Runs without a line break are kept.
 * @returns {import('vite').Plugin}
 */
export function litHtmlMinify() {
  return {
    name: 'kith-lit-html-minify',
    transform(code, id) {
      if (!/\.ts$/.test(id) || id.includes('node_modules') || !/\b(html|svg)`/.test(code)) return null;
      /** @type {[number, number, string][]} */
      const edits = [];
      const visit = (node) => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        if (node.type === 'TaggedTemplateExpression' && node.tag?.type === 'Identifier' && (node.tag.name === 'html' || node.tag.name === 'svg')) {
          for (const q of node.quasi.quasis) {
            const raw = code.slice(q.start, q.end);
            const squeezed = raw.replace(/\s*\n\s*/g, ' ');
            if (squeezed !== raw) edits.push([q.start, q.end, squeezed]);
          }
        }
        for (const key in node) if (key !== 'parent') visit(node[key]);
      };
      visit(this.parse(code));
      if (!edits.length) return null;
      let out = code;
      for (const [start, end, text] of edits.sort((x, y) => y[0] - x[0])) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}

/**
 * Where a chunk loads another by dynamic `import()`, also starts fetching that chunk's static
 * dependencies (transitively) in the same breath, so a widget's chunks (lit, @kith/ui, the client)
 * arrive in parallel instead of one round trip after the widget's own chunk (what Vite's
 * modulepreload does in app builds, which library mode leaves out). Dependencies the importer
 * already has statically are skipped; a failed early fetch is ignored (the real import reports it).
 * @returns {import('vite').Plugin}
 */
export function parallelChunks() {
  return {
    name: 'kith-parallel-chunks',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const deps = (name, into = new Set()) => {
        for (const d of byName.get(name)?.imports ?? []) if (!into.has(d)) deps(d, into.add(d));
        return into;
      };
      const rel = (from, to) => {
        const up = from.split('/').slice(0, -1);
        const parts = to.split('/');
        while (up.length && parts.length > 1 && up[0] === parts[0]) up.shift(), parts.shift();
        return (up.length ? '../'.repeat(up.length) : './') + parts.join('/');
      };
      for (const chunk of chunks) {
        const have = deps(chunk.fileName);
        for (const target of chunk.dynamicImports) {
          const extra = [...deps(target)].filter((d) => !have.has(d) && d !== chunk.fileName);
          if (!extra.length) continue;
          const spec = rel(chunk.fileName, target);
          const paths = extra.map((d) => rel(chunk.fileName, d));
          // `./chunks/a.js`, `./chunks/b.js` -> `./chunks/${d}.js` over ["a","b"]: fewer bytes
          const dir = paths.every((x) => x.startsWith(paths[0].slice(0, paths[0].lastIndexOf('/') + 1)))
            ? paths[0].slice(0, paths[0].lastIndexOf('/') + 1)
            : '';
          const list = JSON.stringify(paths.map((x) => x.slice(dir.length).replace(/\.js$/, '')));
          chunk.code = chunk.code.replace(
            new RegExp(`import\\([\`'"]${spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\`'"]\\)`, 'g'),
            (call) => `(${list}.map(d=>import(\`${dir}\${d}.js\`).catch(()=>{})),${call})`,
          );
        }
      }
    },
  };
}

/**
 * Output options of what browsers load (kith.js and its chunks, and what `pnpm size` measures):
 * minified, license comments kept, tree-shaking annotations (`@__PURE__`) dropped since no bundler
 * runs after this one, chunks named by their hash. Package library builds keep them for the consumer's bundler.
 */
export const browserOutput = {
  minify: true,
  comments: { legal: true, annotation: false, jsdoc: false },
  // chunks import each other by file name: a hash alone keeps every import short
  chunkFileNames: 'chunks/[hash].js',
};

/** `browserOutput` for kith.js and its chunks: shared code cut as `chunkGroups()` says. */
export const embedOutput = { ...browserOutput, codeSplitting: { groups: chunkGroups() } };

/**
 * How shared code is cut into chunks. Left to itself the bundler cuts it by which widgets import
 * each module, which made a page with one survey fetch 11 files; every file is compressed on its
 * own and lists what it imports and exports, so many small files cost bytes as well as requests.
 * Instead: one `core` chunk with what every widget loads first (lit, KithElement, theme, i18n, the
 * client runtime), one `controls` chunk with the form controls (survey, feedback, the hot-topics
 * report), and the rest (dialogs, locales, one area's calls and checks, lit directives) where the
 * bundler puts it.
 * Measured with `pnpm size` (the `transfer` column): a page with one survey 27.0 -> 25.3 kB,
 * with all four widgets 43.6 -> 41.8 kB.
 */
export function chunkGroups() {
  const sep = '[\\\\/]';
  const lit = `node_modules${sep}(lit|@lit${sep}reactive-element|lit-html|lit-element)${sep}(?!.*directive)`;
  const controls = `controls${sep}(dialog|choice-list|rating-scale|text-field|roving)`;
  // left out of core: what only some widgets load (css-props: the badge wall's tier colours); rest-stream: live topics
  const own = `locales${sep}|${controls}|calls${sep}|protocol${sep}checks${sep}(?!common)|css-props|rest-stream`;
  return [
    { name: 'core', test: new RegExp(`${lit}|packages${sep}(ui|client)${sep}src${sep}(?!${own})`) },
    { name: 'controls', test: new RegExp(`packages${sep}ui${sep}src${sep}controls${sep}(choice-list|rating-scale|text-field|roving)`) },
  ];
}

/**
 * Library build of a package: its entries, dependencies left to the consumer's bundler.
 * @param {Record<string, string>} entries
 * @returns {import('vite').UserConfig}
 */
export function libraryConfig(entries) {
  return {
    publicDir: false,
    plugins: [litCssMinify(), litHtmlMinify()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      lib: { entry: entries, formats: ['es'], fileName: (_f, name) => `${name}.js` },
      rolldownOptions: {
        external: (id) => /^(lit|@lit\/|lit-html|lit-element|zod|msw|@kith\/)/.test(id),
        output: { minify: true },
      },
    },
  };
}
