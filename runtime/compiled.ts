/**
 * `miou/compiled`: what the transformer's output imports. Not for hand use: its shape is the
 * compiled protocol of `runtime/PROTOCOL.md`, versioned with it.
 */
// No host here: runtime/entry/<host>/compiled.ts installs its adapter, then re-exports this module.

export { OP } from "./core/protocol.js";
export { at, registerSites } from "./core/sites.js";
export { frame } from "./ops/frame.js";
export { portable } from "./domains/portable.js";
export { maybe, suspends, plain, map, forEach, filter, flatMap, some, every, find, findIndex, reduce } from "./ops/compiled.js";

/** The version of the compiled protocol this runtime speaks; operations carry `Symbol.for("miou.op.v1")`. */
export const PROTOCOL_VERSION = 1;
