/**
 * A program module as a worker domain sees it: its portable functions are registered first, then
 * its top-level code runs, including `await Miou.run(...)`. In a worker, `run` starts nothing and
 * never settles, so what follows it never runs there; the module is evaluated once per worker.
 */
import * as Miou from "miou/gen";
import { portable } from "miou/compiled";

const url = import.meta.url;
/** How many times this module's body ran on the calling thread, and whether it got past `run`. */
export const report = portable(url, 0, () => () => ({ loads: globalThis.miouProgramLoads, pastRun: globalThis.miouProgramPastRun === true }));

globalThis.miouProgramLoads = (globalThis.miouProgramLoads ?? 0) + 1;
export const ran = await Miou.run(function* () {
  return Miou.Domain.self();
}, { domains: 0 });
globalThis.miouProgramPastRun = true;
