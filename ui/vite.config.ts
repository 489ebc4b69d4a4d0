/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";

// The desktop shell (src-tauri) serves ui/dist in builds and the dev server
// on port 5173 in `cargo run` without custom-protocol (tauri.conf.json).
export default defineConfig({
  // svelteTesting: Svelte's browser runtime under vitest (and auto-cleanup).
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: { port: 5173, strictPort: true, host: "localhost" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK 2.40+ (Debian 12) runs ES2021 without transpiling.
    target: "es2021",
    // Inline assets would need `data:` in more CSP directives; keep files.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test-setup.ts"],
    restoreMocks: true,
    // The machine may be busy; user-event types one key at a time.
    testTimeout: 30_000,
  },
});
