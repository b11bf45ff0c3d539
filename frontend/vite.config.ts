/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the API and the WebSocket to a running ServiceBot server
// (SERVICEBOT_URL, default http://127.0.0.1:5000), so the page and the server share one origin.
const backend = process.env.SERVICEBOT_URL ?? 'http://127.0.0.1:5000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../src/ServiceBot.Server/wwwroot',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/ws': { target: backend.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
