import * as Miou from "miou";

// An error thrown under 10,000 suspended callers lists all of them, at their .ts lines, then
// where `run` was called, with no frame of the runtime among them.
function down(n: number): number {
  if (n === 0) {
    Miou.yield_();
    throw new Error("at the bottom");
  }
  return down(n - 1) + 1;
}

Miou.run(() => down(10_000)).catch((e: Error) => {
  const frames = e.stack!.split("\n").filter((l) => /^\s+at /.test(l));
  const callers = frames.filter((l) => /at down \(.*deep-stack\.ts:10:10\)$/.test(l)).length;
  const top = frames[0]!.replace(/^.*(deep-stack\.ts:\d+):\d+\)?$/, "$1");
  const run = frames[callers + 1]!.replace(/^.*(deep-stack\.ts:\d+):\d+\)?$/, "$1");
  console.log(`${e.message}: thrown at ${top}, ${callers} callers listed, then run at ${run}`);
});
