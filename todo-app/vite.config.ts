import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const port = Number(process.env.PORT) || undefined;

export default defineConfig({
  plugins: [react()],
  // `npm start` serves the built app with `vite preview`; PORT chooses its port.
  server: { port: port ?? 5173 },
  preview: { port: port ?? 4173, strictPort: port !== undefined },
});
