/** `miou` on Node: its platform adapter first, then the host-free module. */
import "../../platform/node/index.js";

export * from "../../index.js";
