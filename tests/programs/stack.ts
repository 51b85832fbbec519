import * as Miou from "miou";

// An error thrown deep down shows the suspended callers at their .ts lines.
function inner(): number {
  Miou.yield_();
  throw new Error("deep down");
}
function middle(): number {
  return inner() + 1;
}
function outer(): number {
  Miou.yield_();
  return middle();
}

// The throwing frame maps through the source map (at ES5 inside TypeScript's generator lowering,
// where V8 cannot name it); the suspended callers come from their call sites.
Miou.run(outer).catch((e: Error) => {
  const lines = e.stack!.split("\n");
  console.log(`thrown at ${lines.find((l) => l.includes("stack.ts:"))!.replace(/^.*(stack\.ts:\d+):\d+\)?$/, "$1")}`);
  for (const line of lines) if (/at (middle|outer) \(.*stack\.ts/.test(line)) console.log(line.trim().replace(/^at (\w+) .*(stack\.ts:\d+):\d+\)$/, "$1 $2"));
});
