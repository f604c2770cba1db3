/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative URLs everywhere, so the built site works from any sub-path of a static host
  // (https://host/any/path/): the view lives in the hash, never in the path.
  base: './',
  plugins: [react()],
  resolve: {
    // app/ reaches the engine only through its public barrel.
    alias: { '@engine': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  worker: { format: 'es' },
  // ELK's layout engine alone is ~1.5 MB (in its worker chunk); the warning would only repeat that.
  build: { chunkSizeWarningLimit: 2000 },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.ts', 'app/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
