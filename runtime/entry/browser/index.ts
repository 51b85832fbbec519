/** `miou` in browsers and Web Workers: its platform adapter first, then the host-free module. */
import "../../platform/browser/index.js";

export * from "../../index.js";
