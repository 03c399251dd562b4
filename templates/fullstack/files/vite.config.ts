import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true },
  // `npm run dev` serves the client with hot reload and sends /api to the server (API_PORT).
  server: { proxy: { '/api': `http://localhost:${process.env.API_PORT ?? 3000}` } },
});
