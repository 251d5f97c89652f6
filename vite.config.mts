import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served by the engine's admin listener (browser and Electron alike).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our pages: a separate chunk keeps each under Vite's size
        // warning and lets a UI-only change reuse the cached vendor file.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
});
