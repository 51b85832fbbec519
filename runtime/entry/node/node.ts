/** `miou/node`: its platform adapter first, then the module. */
import "../../platform/node/index.js";

export * from "../../io/node/index.js";
