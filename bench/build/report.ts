/** The build benchmark's section of RESULTS.md, with its target (at most 1.3x plain tspc). */
import { measureBuild } from "./measure.js";

const TARGET = 1.3;

export function buildSection(root: string): string {
  process.stdout.write("build / tspc with and without the transformer ... ");
  const r = measureBuild(root);
  const verdict = r.ratio <= TARGET ? "pass" : "**miss**";
  process.stdout.write(`${r.ratio.toFixed(2)}x\n`);
  return [
    "",
    "## Build",
    "",
    `A generated project of ${r.files} modules and ${r.lines.toLocaleString("en-US")} lines, half of its functions suspending, built by \`tspc\` with the transformer and without it (both pay ts-patch's live patch, so the ratio is the transformer's own cost). Medians of 3 builds.`,
    "",
    "| build | time | ratio | target | |",
    "|---|---:|---:|---:|---|",
    `| tspc | ${Math.round(r.plainMs).toLocaleString("en-US")} ms | 1.00x | | |`,
    `| tspc + miou/transformer | ${Math.round(r.miouMs).toLocaleString("en-US")} ms | ${r.ratio.toFixed(2)}x | ≤ ${TARGET.toFixed(2)}x | ${verdict} |`,
    "",
  ].join("\n");
}
