import { defineConfig } from 'vite';
import { libraryConfig } from '../../scripts/vite-shared.mjs';

// One entry per `exports` subpath (package.json publishConfig maps each to dist/<name>.js).
export default defineConfig(
  libraryConfig({ index: 'src/index.ts', survey: 'src/calls/survey.ts', feedback: 'src/calls/feedback.ts', topics: 'src/calls/topics.ts', badges: 'src/calls/badges.ts', protocol: 'src/protocol/index.ts', checks: 'src/protocol/checks/index.ts', memory: 'src/memory-backend.ts', msw: 'src/msw.ts' }),
);
