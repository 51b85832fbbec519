import { defineConfig } from "vite";
import miou from "miou/vite";

// Worker domains share memory with the page (SharedArrayBuffer), which browsers allow only to a
// cross-origin isolated page: these two headers, on the dev server and on `vite preview` (and on
// whatever serves the built app).
const isolated = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };

export default defineConfig({
  base: "./",
  plugins: [miou()],
  server: { headers: isolated },
  preview: { headers: isolated },
});
