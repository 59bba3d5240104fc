import { defineConfig } from 'vite';
import { libraryConfig } from '../../scripts/vite-shared.mjs';

export default defineConfig(libraryConfig({ index: 'src/index.ts', dialog: 'src/controls/dialog.ts' }));
