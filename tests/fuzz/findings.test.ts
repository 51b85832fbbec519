// Every program the fuzzer found failing (tests/fuzz/findings/), shrunk and trimmed by hand: both
// versions, with and without suspension, must print the trace written in its header, at ES2022
// and at ES5.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { findings } from "./findings.js";
import { check } from "./runner.js";
import { describe, sideBySide } from "./report.js";
import { generated } from "./versions.js";

for (const finding of findings()) {
  for (const target of finding.targets) {
    test(`${finding.name} at ${target}`, async () => {
      const [outcome] = await check([finding.tree], target);
      // The plain version (B) is JavaScript's own meaning: it must print the expected trace.
      if (outcome!.kind === "differ") assert.equal(outcome.plain, finding.expected, "the header's expected trace is what plain JavaScript prints");
      if (outcome!.kind !== "same") assert.unreachable(`\n${generated(finding.tree)}\n\n${describe(outcome!)}\n`);
      else if (outcome.trace.join("\n") !== finding.expected.join("\n"))
        assert.unreachable(`both versions print, but not the expected trace:\n${sideBySide(outcome.trace, finding.expected, ["printed", "expected"])}`);
    });
  }
}

test.run();
