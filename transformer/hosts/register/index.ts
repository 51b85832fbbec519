/**
 * `miou/register`: run direct-style TypeScript with `node --import miou/register app.ts`. The
 * first `.ts` module loaded compiles the whole program once (with the type checker and the
 * transformer) into the cache `npx miou run` uses, or finds it there unchanged; every later
 * module, and every worker domain, is served from that compilation. Stack traces map to the
 * `.ts` lines.
 */
import { register } from "node:module";

register("./register-hooks.js", import.meta.url);
process.setSourceMapsEnabled(true);
