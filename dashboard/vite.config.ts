import { defineConfig } from 'vitest/config';

// The api listens here in development (`dotnet run --project api/CxLive.Api`).
const api = 'http://127.0.0.1:5080';

export default defineConfig({
  // Root-relative asset URLs: the api serves wwwroot at "/".
  base: '/',
  build: {
    outDir: '../api/CxLive.Api/wwwroot',
    emptyOutDir: true,
    target: 'es2022',
    // The one big chunk is ECharts (core + scatter only), loaded lazily by the Customers view.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': api,
      '/health': api,
      '/hubs': { target: api, ws: true },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
