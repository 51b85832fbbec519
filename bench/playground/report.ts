/**
 * The playground's section of RESULTS.md: medians against the targets of its issue (an editable
 * editor within 1 s of navigation, the first hello run within 3 s with a cold cache, a re-run
 * after an edit within 300 ms), as ratios to each target, and the bytes transferred.
 */
import { median } from "../report.js";
import { measurePlayground } from "./measure.js";

const TARGETS = { editor: 1000, firstRun: 3000, rerun: 300 };

export async function playgroundSection(root: string): Promise<string> {
  process.stdout.write("playground / headless Chromium against its server ... ");
  const r = await measurePlayground(root);
  const row = (what: string, samples: number[], target: number) => {
    const m = median(samples);
    const verdict = m <= target ? "pass" : "**miss**";
    return `| ${what} | ${Math.round(m).toLocaleString("en-US")} ms | ${Math.round(Math.min(...samples))} – ${Math.round(Math.max(...samples))} ms | ≤ ${target.toLocaleString("en-US")} ms | ${(m / target).toFixed(2)}x | ${verdict} |`;
  };
  const kib = (b: number) => `${Math.round(b / 1024).toLocaleString("en-US")} KiB`;
  process.stdout.write(`first run ${Math.round(median(r.firstRunMs))} ms\n`);
  return [
    "",
    "## Playground",
    "",
    `The playground in headless Chromium, served by \`npm start\`'s server (gzip) on loopback, a fresh browser context (cold cache) per sample; medians of ${r.editorMs.length}. The ratio is the median over the target.`,
    "",
    "| measure | median | min – max | target | ratio | |",
    "|---|---:|---:|---:|---:|---|",
    row("navigation to an editable editor", r.editorMs, TARGETS.editor),
    row("navigation to the first run of hello (cold cache)", r.firstRunMs, TARGETS.firstRun),
    row("re-run after an edit (keypress to result)", r.rerunMs, TARGETS.rerun),
    "",
    `Transferred up to the first run's end: ${kib(median(r.bytes))} (compressed bodies and headers; TypeScript is most of it).`,
    "",
  ].join("\n");
}
