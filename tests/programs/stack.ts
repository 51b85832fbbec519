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

Miou.run(outer).catch((e: Error) => {
  for (const line of e.stack!.split("\n")) if (/at (middle|outer) \(.*stack\.ts/.test(line)) console.log(line.trim().replace(/^.*(stack\.ts:\d+:\d+).*$/, "$1"));
});
