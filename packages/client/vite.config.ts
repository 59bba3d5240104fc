import { defineConfig } from 'vite';
import { libraryConfig } from '../../scripts/vite-shared.mjs';

export default defineConfig(libraryConfig({ index: 'src/index.ts', protocol: 'src/protocol/index.ts', memory: 'src/memory-backend.ts', msw: 'src/msw.ts' }));
