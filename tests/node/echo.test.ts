// examples/echo.ts run as users run it (`node dist/cli.js run examples/echo.ts 0`), with real
// clients on loopback: many at once, some aborting, some reading slowly, one idle, one that does
// not read at all; then SIGINT, which must end the server cleanly once its clients are done.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as net from "node:net";
import { join } from "node:path";
import { prng } from "../helpers.js";

const root = join(import.meta.dirname, "..", "..");

/** Fails instead of hanging: no assertion is made on how long anything takes. */
function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still not done after ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const SEED = Number(process.env.ECHO_SEED ?? Date.now() % 1_000_000);

let server: ChildProcess;
let port = 0;
let stderr = "";
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
let idle: net.Socket;

function connect(): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: "127.0.0.1", port });
    s.once("connect", () => {
      s.off("error", reject);
      resolve(s);
    });
    s.once("error", reject);
  });
}

/** Sends `payload`, closes its side, and returns everything the server sent back until its end. */
async function exchange(payload: Buffer, slow?: () => number): Promise<Buffer> {
  const s = await connect();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    s.on("data", (d: Buffer) => {
      chunks.push(d);
      if (slow === undefined) return;
      s.pause(); // a slow reader: the server has to wait for it
      setTimeout(() => s.resume(), slow());
    });
    s.on("end", () => {
      resolve(Buffer.concat(chunks));
      s.end();
    });
    s.on("error", reject);
    s.end(payload);
  });
}

/** Sends `part` bytes of `payload` (at least one), then goes away: at once, or once the first echo arrives. */
async function abort(payload: Buffer, part: number, early: boolean): Promise<void> {
  const s = await connect();
  s.on("error", () => {});
  const closed = new Promise<void>((resolve) => s.on("close", () => resolve()));
  s.write(payload.subarray(0, part));
  if (early) s.destroy();
  else s.once("data", () => s.destroy()); // with unread data: the server sees a reset
  await closed;
}

test.before(async () => {
  server = spawn(process.execPath, [join(root, "dist", "cli.js"), "run", join(root, "examples", "echo.ts"), "0"], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: "0", MIOU_ECHO_REPORT: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  exited = new Promise((resolve) => server.once("exit", (code, signal) => resolve({ code, signal })));
  const first = new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const nl = out.indexOf("\n");
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    server.once("exit", (code) => reject(new Error(`the server exited (${code}) before listening:\n${stderr}`)));
  });
  const line = await within(60_000, "the server's first line", first);
  const m = /^listening on 127\.0\.0\.1:(\d+)$/.exec(line);
  assert.ok(m, `first line: ${JSON.stringify(line)}`);
  port = Number(m[1]);
  assert.ok(port > 0);
});

test.after(() => {
  if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
});

test("an idle client (connected, sending nothing) holds a connection while the others are served", async () => {
  idle = await connect();
  idle.on("error", () => {});
});

test(`200 concurrent clients with payloads up to 64 KiB get every byte back; a tenth abort, some read slowly (seed ${SEED})`, async () => {
  const random = prng(SEED);
  const jobs: Promise<unknown>[] = [];
  const checks: { payload: Buffer; got: Promise<Buffer>; slow: boolean }[] = [];
  let aborted = 0;
  for (let i = 0; i < 200; i++) {
    const payload = randomBytes(Math.floor(random() * 65537)); // 0 to 64 KiB
    if (i % 10 === 3 && payload.length >= 2) {
      jobs.push(abort(payload, 1 + Math.floor(random() * (payload.length - 1)), random() < 0.5));
      aborted += 1;
    } else {
      const slow = random() < 0.25 ? () => 1 + Math.floor(random() * 8) : undefined;
      const got = exchange(payload, slow);
      checks.push({ payload, got, slow: slow !== undefined });
      jobs.push(got);
    }
  }
  await within(120_000, "the 200 clients", Promise.all(jobs));
  assert.is(checks.length + aborted, 200);
  assert.ok(aborted >= 15, `${aborted} clients aborted`);
  assert.ok(checks.some((c) => c.slow));
  for (const [i, c] of checks.entries()) {
    const got = await c.got;
    assert.is(got.length, c.payload.length, `client ${i}: length`);
    assert.ok(got.equals(c.payload), `client ${i}: the bytes differ`);
  }
});

test("a client that does not read stops the server reading from it; once it reads, every byte comes back", async () => {
  // The stream is a random block repeated; byte p is block[p % P].
  const P = 65521;
  const block = randomBytes(P);
  const stream = Buffer.concat([block, block, block]); // any 64 KiB from any offset
  const at = (p: number, n: number) => stream.subarray(p % P, (p % P) + n);
  const LIMIT = 256 << 20;
  const s = await connect();
  // Write until a write waits for 'drain' for half a second: the server no longer reads.
  let sent = 0;
  while (sent < LIMIT) {
    const chunk = at(sent, 65536);
    sent += chunk.length;
    if (s.write(chunk)) continue;
    const drained = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        s.off("drain", onDrain);
        resolve(false);
      }, 500);
      const onDrain = () => {
        clearTimeout(timer);
        resolve(true);
      };
      s.once("drain", onDrain);
    });
    if (!drained) break;
  }
  assert.ok(sent < LIMIT, `the server read all ${sent} bytes from a client that read none of its echo`);
  let got = 0;
  let mismatch = -1;
  const done = new Promise<void>((resolve, reject) => {
    s.on("data", (d: Buffer) => {
      if (mismatch < 0 && !d.equals(at(got, d.length))) mismatch = got;
      got += d.length;
    });
    s.on("end", () => resolve());
    s.on("error", reject);
  });
  s.end();
  await within(120_000, "reading the echo back", done);
  assert.is(mismatch, -1, `the echo differs from byte ${mismatch} on`);
  assert.is(got, sent);
  s.destroy();
});

test("the server is still up: a final client gets its echo", async () => {
  const payload = randomBytes(40_000);
  const got = await within(30_000, "the final client", exchange(payload));
  assert.ok(got.equals(payload));
});

test("SIGINT: the server stops accepting, serves the connected idle client to the end, and exits 0 with nothing left open", async () => {
  assert.is(idle.destroyed, false, "the idle client is still connected");
  server.kill("SIGINT");
  // Once the server stopped accepting, a new connection is refused.
  await within(
    30_000,
    "the listener closing",
    (async () => {
      for (;;) {
        const s = await connect().catch((e: NodeJS.ErrnoException) => e);
        if (!(s instanceof net.Socket)) {
          if (s.code === "ECONNREFUSED") return;
          assert.is(s.code, "ECONNRESET"); // queued by the kernel as the listener closed, then dropped
        } else {
          s.destroy(); // accepted just before the listener closed: served, then gone
        }
        await delay(20);
      }
    })(),
  );
  assert.is(server.exitCode, null, "the server waits for its connected client");
  const echoed = new Promise<string>((resolve, reject) => {
    let got = "";
    idle.setEncoding("utf8").on("data", (d: string) => (got += d));
    idle.on("end", () => resolve(got));
    idle.on("error", reject);
  });
  idle.end("still here");
  assert.is(await within(30_000, "the idle client's echo", echoed), "still here");
  const { code, signal } = await within(30_000, "the server's exit", exited);
  assert.is(signal, null);
  assert.is(code, 0, stderr);
  // What is left: the report, and failures of the clients that went away mid-stream.
  const lines = stderr.split("\n").filter((l) => l !== "");
  const report = lines.filter((l) => l.startsWith("active resources: "));
  assert.is(report.length, 1, stderr);
  const left = JSON.parse(report[0]!.slice("active resources: ".length)) as string[];
  // Only the process's own stdout and stderr pipes.
  assert.ok(
    left.every((r) => r === "PipeWrap" || r === "TTYWrap"),
    `left open: ${left.join(", ")}`,
  );
  for (const l of lines) if (l !== report[0]) assert.match(l, /^a client failed: .*(ECONNRESET|EPIPE)/);
  assert.ok(lines.length - 1 <= 20, stderr);
});

test.run();
