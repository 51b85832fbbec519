// Title: A logical stack trace
// Expect: error: SyntaxError: not a number: "three"
// An error thrown after suspensions keeps the user's functions in its
// stack: the runtime appends the logical frames (file:line:col of each
// call) as the error unwinds through the tasks.
import * as Miou from "miou";

function parse(input: string): number {
  Miou.yield_();
  const n = Number(input);
  if (Number.isNaN(n)) throw new SyntaxError(`not a number: "${input}"`);
  return n;
}

function total(inputs: string[]): number {
  let sum = 0;
  for (const input of inputs) sum += parse(input);
  return sum;
}

await Miou.run(() => {
  const job = Miou.async(() => total(["1", "2", "three"]));
  return Miou.await_exn(job);
});
