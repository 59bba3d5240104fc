import { defineConfig } from 'vite';
import { litCssMinify } from '../../scripts/vite-shared.mjs';

// kith.js plus one chunk per widget and shared chunks (lit, ui, client), loaded on demand.
export default defineConfig({
  publicDir: false,
  plugins: [litCssMinify()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    lib: { entry: { kith: 'src/kith.ts' }, formats: ['es'], fileName: (_f, name) => `${name}.js` },
    rolldownOptions: { output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});
