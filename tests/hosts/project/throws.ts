import * as Miou from "miou";
import { slowDouble } from "./lib.js";

// Throws under two suspended callers: an uncaught error's stack reads like a synchronous program's.
function inner(): number {
  slowDouble(1);
  throw new Error("deep down");
}
function outer(): number {
  return inner() + 1;
}
await Miou.run(outer);
