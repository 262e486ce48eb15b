/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The build lands where Maven packages the web module's jar: catalog-service serves it from
// the class path at META-INF/zhongtai-web (see PortalResources). Hashed files go under
// /static/ so that they can be cached for a year and never collide with client-side routes.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'target/classes/META-INF/zhongtai-web',
    emptyOutDir: true,
    assetsDir: 'static',
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev` against a running service on 8080
    proxy: {
      '/api': 'http://localhost:8080',
      '/login': { target: 'http://localhost:8080', bypass: (req) => (req.method === 'GET' ? req.url : undefined) },
      '/health': 'http://localhost:8080',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
