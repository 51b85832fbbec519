import * as Miou from "miou";
import { slowDouble } from "./lib.js";

// Imports a suspending function from another module; prints its arguments.
Miou.run(() => {
  const p = Miou.async(() => slowDouble(21));
  return Miou.await_exn(p);
}).then((v) => console.log(`${v} ${process.argv.slice(2).join(",")}`));
