// Vite settings every package build shares (and `pnpm size` measures with): library mode, minified
// (Vite 8 needs rolldownOptions.output.minify in library mode), whitespace-free Lit `css` templates.

/**
 * Collapses the whitespace and comments inside Lit `css\`...\`` templates at build time (Lit ships
 * template text as written). Whitespace goes next to `{ } ; , >` and after `:` (never before it, so
 * `.a :hover` keeps its meaning); other runs become one space; `${...}` parts are left alone.
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
 * Library build of a package: its entries, dependencies left to the consumer's bundler.
 * @param {Record<string, string>} entries
 * @returns {import('vite').UserConfig}
 */
export function libraryConfig(entries) {
  return {
    publicDir: false,
    plugins: [litCssMinify()],
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
