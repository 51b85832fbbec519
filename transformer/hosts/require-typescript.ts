/**
 * TypeScript for the built Node hosts, loaded with `require`: tsup.config.ts resolves their
 * `import ts from "typescript"` to this module. Imported from an ES module, TypeScript's 9 MB
 * CommonJS file is first scanned whole by Node for named exports, which takes longer than
 * loading it (0.9 s against 0.4 s on our machines), on every start of a build, `miou run` or
 * `miou check`. The instance is the one an `import` gives (one module cache).
 */
import { createRequire } from "node:module";

const ts: typeof import("typescript") = createRequire(import.meta.url)("typescript");

export default ts;
