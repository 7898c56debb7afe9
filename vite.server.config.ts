import { defineConfig } from 'vite';

/**
 * The production build of the server: `server/index.ts` bundled for Node by Vite's SSR build, every
 * dependency left to node_modules, so `npm start` runs it with plain `node` and no TypeScript loader.
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'server/index.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'index.js' } },
  },
});
