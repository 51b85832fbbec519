import * as Miou from "miou";

// An error thrown under 10,000 suspended callers lists all of them, at their .ts lines.
function down(n: number): number {
  if (n === 0) {
    Miou.yield_();
    throw new Error("at the bottom");
  }
  return down(n - 1) + 1;
}

Miou.run(() => down(10_000)).catch((e: Error) => {
  const lines = e.stack!.split("\n");
  const callers = lines.filter((l) => /at down \(.*deep-stack\.ts:9:10\)$/.test(l)).length;
  const top = lines.find((l) => l.includes("deep-stack.ts:"))!.replace(/^.*(deep-stack\.ts:\d+):\d+\)?$/, "$1");
  console.log(`${e.message}: thrown at ${top}, ${callers} callers listed`);
});
