/**
 * The benchmarks' miou programs in direct style: built by tspc with the transformer (`build.ts`),
 * they are the `miou-compiled` peer, so the compiled form measured is the transformer's own.
 */
import * as Miou from "miou";

/** spawn-join: spawn `n` children, then await them all. */
export function spawnJoin(n: number): number {
  const ps: Miou.Promise<number>[] = new Array(n);
  for (let i = 0; i < n; i++) ps[i] = Miou.async(() => i);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Miou.await_exn(ps[i]!);
  return sum;
}

function player(n: number): number {
  let i = 0;
  for (; i < n; i++) Miou.yield_();
  return i;
}

/** ping-pong: two tasks yield `n` times each. */
export function pingPong(n: number): number {
  const a = Miou.async(() => player(n));
  const b = Miou.async(() => player(n));
  return Miou.await_exn(a) + Miou.await_exn(b);
}

/** deep: one suspension at each level of an `n`-deep recursion. */
export function deep(n: number): number {
  Miou.yield_();
  return n === 0 ? 0 : 1 + deep(n - 1);
}

/** A ring member's baton: full when the token waits to be taken, else who waits for it. */
export interface Baton {
  waiting: Miou.Syscall | null;
  full: boolean;
}

function take(b: Baton): void {
  if (b.full) return void (b.full = false);
  const s = Miou.syscall();
  if (b.full) return void (b.full = false);
  b.waiting = s;
  Miou.suspend(s);
}

/** ring: `bs.length` tasks pass a token `rounds` times around; `pass(i)` hands it to i + 1. */
export function ring(bs: Baton[], pass: (i: number) => void, rounds: number): void {
  const ps: Miou.Promise<void>[] = [];
  for (let i = 0; i < bs.length; i++) {
    ps.push(
      Miou.async(() => {
        for (let r = 0; r < rounds; r++) {
          if (i > 0) take(bs[i]!);
          pass(i);
          if (i === 0) take(bs[i]!);
        }
      }),
    );
  }
  for (const p of ps) Miou.await_exn(p);
}

let parkedCount = 0;

function child(): void {
  const s = Miou.syscall();
  parkedCount += 1;
  Miou.suspend(s);
}

/** memory: park `n` tasks in `suspend`; `measure()` is read while they all are parked. */
export function parked(n: number, measure: () => number): number {
  const ps: Miou.Promise<void>[] = new Array(n);
  parkedCount = 0;
  const before = measure();
  for (let i = 0; i < n; i++) ps[i] = Miou.async(child);
  while (parkedCount < n) Miou.yield_();
  Miou.yield_();
  const bytes = (measure() - before) / n;
  for (const p of ps) Miou.cancel(p);
  return bytes;
}

/**
 * checked-call: a higher-order function a suspending function reaches (through `callbacks`), so it
 * has a plain version and a suspending twin.
 */
export function sumWith(f: (i: number) => number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += f(i);
  return sum;
}

const inc = (i: number): number => i + 1;
function incLater(i: number): number {
  Miou.yield_();
  return i + 1;
}
const callbacks: ((i: number) => number)[] = [inc, incLater];

/** The plain version with a plain callback: each call through `f` is checked (`plain`). */
export function checkedPlain(n: number): number {
  return sumWith(inc, n);
}

/** The twin with a plain callback (a value a suspending function may hold): each call is a checked call (`maybe`). */
export function checkedTwin(n: number): number {
  return sumWith(callbacks[0]!, n);
}
