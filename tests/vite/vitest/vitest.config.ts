import { defineConfig } from "vitest/config";
import miou from "../../../dist/vite.js";

// What a user writes: the plugin in the config Vitest shares with Vite.
export default defineConfig({
  plugins: [miou()],
  test: { include: ["*.spec.ts"] },
});
