import { defineConfig } from 'vite';
import { embedOutput, litCssMinify, litHtmlMinify, parallelChunks } from '../../scripts/vite-shared.mjs';

// kith.js plus one chunk per widget and shared chunks (lit, ui, client), loaded on demand.
export default defineConfig({
  publicDir: false,
  plugins: [litCssMinify(), litHtmlMinify(), parallelChunks()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    lib: { entry: { kith: 'src/kith.ts' }, formats: ['es'], fileName: (_f, name) => `${name}.js` },
    rolldownOptions: { output: embedOutput },
  },
});
