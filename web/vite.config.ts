import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/*
 * Two builds: the app (web/dist, built by `npm start` when missing, in seconds) and the offline
 * GraphQL explorer (web/dist-explorer, `EXPLORER=1`): GraphiQL's Monaco editor takes minutes to
 * bundle, so it is built on its own, in the background, and only for development.
 */
const explorer = process.env.EXPLORER === '1';
const api = 'http://localhost:4000';

export default defineConfig({
  root,
  base: explorer ? '/explorer/' : '/',
  plugins: [react()],
  // Monaco's workers (GraphiQL) code-split, which needs ES module workers.
  worker: { format: 'es' },
  build: {
    outDir: explorer ? 'dist-explorer' : 'dist',
    emptyOutDir: true,
    // GraphiQL (Monaco) is large by nature; it only loads on /explorer, never with the app.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: explorer
        ? { explorer: fileURLToPath(new URL('explorer.html', import.meta.url)) }
        : { main: fileURLToPath(new URL('index.html', import.meta.url)) },
    },
  },
  // The setup-workers module imports Monaco's workers with `?worker`, which the dependency
  // optimizer cannot pre-bundle; leave it to Vite's own transform.
  optimizeDeps: { exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'] },
  server: {
    proxy: { '/graphql': api, '/api': api },
  },
});
