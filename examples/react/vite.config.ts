import { defineConfig } from 'vite';

// No React plugin needed: Vite 8 compiles .tsx with React's automatic JSX runtime by itself
// (tsconfig.json's `"jsx": "react-jsx"` is for the type checker). The plugin would only add Fast Refresh.
export default defineConfig({
  build: { target: 'es2022' },
  server: { port: 5171 },
});
