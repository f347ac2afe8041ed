import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    // The web imports the server's zod schemas (`@server/modules/org/org.schema`) for shared types.
    alias: { '@server': path.resolve(here, '../src') },
  },
  build: { outDir: path.resolve(here, 'dist'), emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
