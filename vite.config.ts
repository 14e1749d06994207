import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Data stays data: a small JSON file fetched on first use is not inlined into the script as base64.
    assetsInlineLimit: (file: string) => (file.endsWith('.json') ? false : undefined),
  },
  // Phaser's build without Matter physics: the hospital walks its agents on paths and never
  // simulates bodies, and the full build's Matter engine is 33 KB of gzipped script nobody runs.
  resolve: { alias: { phaser: fileURLToPath(new URL('./node_modules/phaser/dist/phaser-arcade-physics.js', import.meta.url)) } },
});
