/** `npm run build:playground`: the static site in dist/playground/ (dist/ built first by tsup). */
import { join } from "node:path";
import { buildPlayground } from "./build.js";

const outDir = join(import.meta.dirname, "..", "..", "dist", "playground");
await buildPlayground({ outDir });
console.log(`playground: built in ${outDir}; serve it with the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp (see the README)`);
