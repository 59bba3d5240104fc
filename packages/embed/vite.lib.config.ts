import { defineConfig } from 'vite';
import { libraryConfig } from '../../scripts/vite-shared.mjs';

// The npm entry (`import { install } from '@kith/embed'`, dist/index.js): the loader with the widget
// packages left to the consumer's bundler, like every other package. Runs after vite.config.ts (the
// self-contained kith.js and its chunks), so it must not empty dist/.
const config = libraryConfig({ index: 'src/index.ts' });
export default defineConfig({ ...config, build: { ...config.build, emptyOutDir: false } });
