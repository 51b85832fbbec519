/** How a failure is shown: the shrunk program, both traces side by side, and how to replay it. */
import type { Outcome, Target } from "./runner.js";
import { generated } from "./versions.js";
import type { Node } from "./tree.js";

/** Two columns, direct style on the left; `≠` marks the lines that differ. */
export function sideBySide(direct: string[], plain: string[], titles = ["with suspension (A)", "without (B)"]): string {
  const width = Math.min(60, Math.max(20, ...direct.map((l) => l.length)));
  const rows = [`${titles[0]!.padEnd(width)}   ${titles[1]}`];
  for (let i = 0; i < Math.max(direct.length, plain.length); i++) {
    const [a, b] = [direct[i] ?? "", plain[i] ?? ""];
    rows.push(`${a.slice(0, width).padEnd(width)} ${a === b ? " " : "≠"} ${b}`);
  }
  return rows.join("\n");
}

export function describe(outcome: Outcome): string {
  switch (outcome.kind) {
    case "differ":
      return sideBySide(outcome.direct, outcome.plain);
    case "crash":
    case "invalid":
      return outcome.message;
    case "rejected":
      return outcome.codes.join(", ");
    case "same":
      return "the same output";
  }
}

export function failureReport(seed: number, target: Target, tree: Node, outcome: Outcome, original?: Node): string {
  const size = (t: Node) => generated(t).split("\n").length;
  return [
    `seed ${seed} at ${target}: ${outcome.kind === "differ" ? "the two versions print different things" : outcome.kind}`,
    `replay: npm run fuzz -- --seed ${seed} --runs 1 --target ${target}`,
    original === undefined ? "" : `shrunk from ${size(original)} lines to ${size(tree)}:`,
    generated(tree).trim(),
    "",
    describe(outcome),
  ].join("\n");
}
