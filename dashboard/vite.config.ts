import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the gateway under /dashboard/ (and its index at / for a browser), so asset
// URLs are absolute under that prefix: they resolve the same from either address.
export default defineConfig({
  base: '/dashboard/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Everything bundled locally: the council's network may have no internet.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
    // Two pages: the dashboard and the printable report for a council meeting.
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        rapport: fileURLToPath(new URL('rapport.html', import.meta.url)),
      },
    },
  },
});
