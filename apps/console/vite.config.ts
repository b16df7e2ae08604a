import path from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const repository = path.resolve(root, '../..');

/** The operations console, served by the api at /console from dist/console. */
export default defineConfig({
  root,
  base: '/console/',
  // Beside the repository's other tool caches, not in a node_modules of this folder.
  cacheDir: path.join(repository, 'node_modules/.vite/console'),
  // No React plugin: Vite's own Oxc transform compiles JSX for the automatic runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: path.join(repository, 'dist/console'),
    emptyOutDir: true,
    rolldownOptions: {
      // Libraries marked "use client" for React Server Components: nothing to keep in a browser bundle.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
      output: {
        // React changes less often than the console: its own file stays cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    // The console shares the domain vocabulary from libs/domain, outside this folder.
    fs: { allow: [repository] },
    // In development the api runs beside the dev server: same-origin requests, as in production.
    proxy: { '/v1': 'http://127.0.0.1:3000' },
  },
});
