import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Svelte's CSS goes to a .css file, so the CSP needs no 'unsafe-inline'.
    css: "external",
  },
};
