import * as Miou from "miou";

// An error thrown deep down reads like a synchronous program's stack: the throwing frame, the
// suspended callers at their .ts lines, then where `run` was called; no frame of the runtime.
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
// where V8 cannot name it); the suspended callers come from their call sites. Every frame up to
// the last one in this file is printed: a runtime frame among them would show as `other`.
Miou.run(outer).catch((e: Error) => {
  const frames = e.stack!.split("\n").filter((l) => /^\s+at /.test(l));
  let last = 0;
  frames.forEach((l, i) => {
    if (l.includes("stack.ts:")) last = i;
  });
  const first = frames.findIndex((l) => l.includes("stack.ts:"));
  console.log(`thrown at ${frames[first]!.replace(/^.*(stack\.ts:\d+):\d+\)?$/, "$1")}`);
  for (const line of frames.slice(first + 1, last + 1)) {
    const m = /^\s+at (?:(\w+) \()?.*(stack\.ts:\d+):\d+\)?$/.exec(line);
    console.log(m === null ? `other: ${line.trim()}` : `${m[1] ?? "top"} ${m[2]}`);
  }
});
