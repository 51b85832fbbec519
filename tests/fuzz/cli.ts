/**
 * `npm run fuzz -- --runs N --seed S [--target es5|es2022] [--all]`: checks N generated programs
 * from seed S (default: a new seed, printed), prints progress, and for the first failure the
 * program shrunk to a few lines with both versions' outputs and the seed that replays it.
 * `--all` goes on after failures and shrinks every one of them. Exits 1 if any program failed.
 */
import { parseArgs } from "node:util";
import { fuzz, type Tally } from "./campaign.js";
import { shrink } from "./shrink.js";
import { failureReport } from "./report.js";
import type { Target } from "./runner.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "1000" },
    seed: { type: "string" },
    target: { type: "string" },
    batch: { type: "string", default: "25" },
    all: { type: "boolean", default: false },
    "no-shrink": { type: "boolean", default: false },
  },
});
const int = (name: string, text: string) => {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new Error(`--${name} takes an integer, not ${JSON.stringify(text)}`);
  return n;
};
if (values.target !== undefined && values.target !== "es5" && values.target !== "es2022")
  throw new Error(`--target is es5 or es2022 (default: both), not ${JSON.stringify(values.target)}`);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : int("seed", values.seed);
const runs = int("runs", values.runs);
const targets: Target[] = values.target === undefined ? ["es2022", "es5"] : [values.target as Target];

const line = (t: Tally) =>
  `${t.checked} checked (${targets.length > 1 ? "each program at es2022 and es5, " : ""}${((t.checked / t.ms) * 1000).toFixed(1)}/s): ` +
  `${t.same} same, ${t.rejected} rejected, ${t.differ} differ, ${t.crash} crash, ${t.invalid} invalid`;

console.log(`fuzzing ${runs} programs from seed ${seed} at ${targets.join(" and ")}`);
const { tally, failures } = await fuzz({
  seed,
  runs,
  targets,
  batch: int("batch", values.batch),
  ...(values.all ? {} : { stopAfter: 1 }),
  // On a terminal the progress line is rewritten in place; in a log, one line per batch.
  onBatch: (t) => process.stdout.write(process.stdout.isTTY ? `\r${line(t)}` : `${line(t)}\n`),
});
if (process.stdout.isTTY) process.stdout.write("\n");
console.log(`${tally.differ + tally.crash + tally.invalid === 0 ? "no failure" : "failures"}: ${line(tally)}`);
if (failures.length > 0) {
  if (values.all) console.log(`failing seeds:\n${failures.map((f) => `  --seed ${f.seed} --runs 1 --target ${f.target}  (${f.outcome.kind})`).join("\n")}`);
  // The first failure, or with --all every one of them, shrunk (--no-shrink: as generated).
  for (const f of values.all ? failures : failures.slice(0, 1)) {
    let report = failureReport(f.seed, f.target, f.tree, f.outcome);
    // An invalid program (the generator's bug) stays invalid whatever is cut: it is shown whole.
    if (!values["no-shrink"] && f.outcome.kind !== "invalid") {
      process.stdout.write(`\nshrinking seed ${f.seed}...`);
      const shrunk = await shrink(f.tree, f.outcome, f.target, values.all ? 30 : 60);
      process.stdout.write(` ${shrunk.tried} candidates tried\n`);
      report = failureReport(f.seed, f.target, shrunk.tree, shrunk.outcome, f.tree);
    }
    console.log(`\n${report}`);
  }
  process.exitCode = 1;
}
