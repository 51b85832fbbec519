import * as Miou from "miou";
export function main(format: (n: number) => string): string {
  function local(n: number): number {
    return n + 1;
  }
  const options = { scale: 2, round: Math.round };
  class Local {}
  const p = Miou.call(() => format(local(options.scale)) + String(new Local()));
  return Miou.await_exn(p);
}
