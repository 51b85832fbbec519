/** Shared test tools: a virtual clock event source, output capture, a seeded generator. */
import * as Miou from "miou/gen";

/**
 * A virtual clock, as Miou's own tests use: `sleep` registers a sleeper; a blocking `select`
 * jumps the clock to the earliest deadline. Time is exact and no test waits for real.
 */
export function virtualClock() {
  let now = 0;
  let sleepers: { until: number; s: Miou.Syscall }[] = [];
  const cancelledUids: number[] = [];
  const events = (): Miou.Events => ({
    select(block, cancelled) {
      cancelledUids.push(...cancelled);
      sleepers = sleepers.filter((x) => !cancelled.includes(Miou.uid(x.s)));
      if (block && sleepers.length > 0) now = Math.max(now, Math.min(...sleepers.map((x) => x.until)));
      const due = sleepers.filter((x) => x.until <= now);
      sleepers = sleepers.filter((x) => x.until > now);
      return due.map((x) => Miou.signal(x.s));
    },
    interrupt() {},
  });
  function* sleep(seconds: number): Generator<unknown, void, unknown> {
    const s = yield* Miou.syscall("sleep");
    yield* Miou.suspend(s, () => sleepers.push({ until: now + seconds, s }));
  }
  return { events, sleep, now: () => now, pending: () => sleepers.length, cancelledUids };
}

/** A list to print into, for order tests. */
export function output() {
  const lines: string[] = [];
  return { lines, print: (line: string) => void lines.push(line) };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error & { seed?: string }> {
  try {
    const v = await p;
    throw new Error(`expected a rejection, got ${JSON.stringify(v)}`);
  } catch (e) {
    return e as Error & { seed?: string };
  }
}

/** Runs the operation `make` builds and returns what it threw ("no error" if nothing). */
export function* attempt(make: () => Miou.Operation<unknown>): Generator<unknown, unknown, unknown> {
  try {
    yield* make();
  } catch (e) {
    return e;
  }
  return "no error";
}

/** `n` scheduling points. */
export function* yields(n: number): Generator<unknown, void, unknown> {
  for (let i = 0; i < n; i++) yield* Miou.yield_();
}

/** A small seeded generator of numbers in [0, 1) (mulberry32), so that a failing mix replays. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The environment of a user's shell, for commands a test runs as a user would (`npm install`,
 * `npx tspc`, `node app.js`): this process's, without what `npm test` and the tools it loaded
 * put there. Vite sets `NODE_ENV` (with which `npm install -D` installs nothing), and npm's
 * `npm_config_*`/`npm_package_*`/`npm_lifecycle_*` describe this repository, not the user's project.
 */
export function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { FORCE_COLOR: "0" };
  for (const [k, v] of Object.entries(process.env)) if (k !== "NODE_ENV" && k !== "FORCE_COLOR" && !/^npm_(config|package|lifecycle)_/.test(k)) env[k] = v;
  return env;
}
