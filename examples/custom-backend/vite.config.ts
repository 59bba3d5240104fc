import { defineConfig } from 'vite';

// Builds src/main.ts (the Backend and the configure call) into dist/main.js, which the page loads
// after kith.js. The page itself (public/index.html) is plain HTML and needs no build.
export default defineConfig({
  publicDir: false,
  build: {
    target: 'es2022',
    lib: { entry: 'src/main.ts', formats: ['es'], fileName: () => 'main.js' },
  },
});
