import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative URLs in the build, so dist/ works from any sub-path (a project page on a static host),
  // not only from a domain's root (tests/e2e/subpath.spec.ts serves it under one).
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  preview: { port: 4173, strictPort: true },
});
