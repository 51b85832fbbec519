/**
 * checked-call: a higher-order loop of 1,000,000 calls of a plain callback, compiled by the
 * transformer, against the same code untransformed. `sumWith` has a suspending twin (a
 * suspending function reaches it elsewhere), so its plain version checks each call through its
 * parameter at run time (`plain`), and its twin, given a value that may hold a suspending
 * function, makes each call a checked call (`maybe`: one `yield`, answered at once).
 */
import * as Miou from "miou/gen";
import { expect, type Workload } from "../workload.js";
import { buildPrograms, compiled, loadPrograms } from "../direct/build.js";

const N = 1_000_000;

function sumWith(f: (i: number) => number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += f(i);
  return sum;
}
const inc = (i: number): number => i + 1;
const total = (n: number) => (n * (n + 1)) / 2;

const checked = (label: string, run: (n: number) => Promise<number> | number) => async () => {
  expect(label, await run(N), total(N));
  return N;
};

const workloads: Workload[] = [
  {
    name: "checked-call plain",
    operation: "one call of a plain callback by the plain version of a twin (1,000,000)",
    note: "miou-compiled: `plain(f(i), \"f\")` per call; native: the same loop, untransformed.",
    measure: "time",
    prepare: buildPrograms,
    setup: loadPrograms,
    peers: {
      "miou-compiled": { run: checked("checked-call plain", (n) => Miou.run(() => compiled().checkedPlain(n))) },
      native: { run: checked("checked-call plain", (n) => sumWith(inc, n)) },
    },
  },
  {
    name: "checked-call twin",
    operation: "one call of a plain callback by a suspending twin (1,000,000)",
    note: "miou-compiled: `yield maybe(f(i), site)` per call, answered at once; native: the same loop, untransformed.",
    measure: "time",
    prepare: buildPrograms,
    setup: loadPrograms,
    peers: {
      "miou-compiled": { run: checked("checked-call twin", (n) => Miou.run(() => compiled().checkedTwin(n))) },
      native: { run: checked("checked-call twin", (n) => sumWith(inc, n)) },
    },
  },
];
export default workloads;
