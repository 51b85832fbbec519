// The echo example under hostile clients: resets (with unread data, and mid-stream), slowloris
// clients dribbling a byte at a time then vanishing, and well-behaved ones whose echo must be
// exact. The server's file descriptors (/proc/<pid>/fd) are counted before and after: every
// client that went away leaves none behind.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import * as net from "node:net";
import { join } from "node:path";
import { figure, size } from "./soak.js";

const root = join(import.meta.dirname, "..", "..");

/** Fails instead of hanging: a liveness guard, not a measure of time. */
function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: still not done after ${ms} ms`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let server: ChildProcess;
let port = 0;
let stderr = "";

const descriptors = (): number => readdirSync(`/proc/${server.pid}/fd`).length;

function connect(): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: "127.0.0.1", port });
    s.once("connect", () => resolve(s));
    s.once("error", reject);
  });
}

function closed(s: net.Socket): Promise<void> {
  return new Promise((resolve) => (s.destroyed ? resolve() : s.once("close", () => resolve())));
}

/** Sends `payload`, ends its side, and checks the echo is exactly the payload. */
async function exchange(payload: Buffer): Promise<boolean> {
  const s = await connect();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    s.on("data", (d: Buffer) => chunks.push(d));
    s.on("end", () => {
      resolve(Buffer.concat(chunks).equals(payload));
      s.end();
    });
    s.on("error", reject);
    s.end(payload);
  });
}

/** Writes part of a payload, then resets the connection (RST): at once, or once some echo came back unread. */
async function reset(payload: Buffer, early: boolean): Promise<void> {
  const s = await connect();
  s.on("error", () => {});
  s.write(payload);
  if (!early) await new Promise<void>((resolve) => s.once("data", () => resolve()));
  s.resetAndDestroy();
  await closed(s);
}

/** Slowloris: a byte at a time, a few milliseconds apart, never ending its side; then gone. */
async function slowloris(bytes: number): Promise<void> {
  const s = await connect();
  s.on("error", () => {});
  for (let i = 0; i < bytes && !s.destroyed; i++) {
    s.write(Buffer.of(i));
    await delay(2);
  }
  s.destroy();
  await closed(s);
}

test.before(async () => {
  server = spawn(process.execPath, [join(root, "dist", "cli.js"), "run", join(root, "examples", "echo.ts"), "0"], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const first = new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      if (out.includes("\n")) resolve(out.slice(0, out.indexOf("\n")));
    });
    server.once("exit", (code) => reject(new Error(`the server exited (${code}) before listening:\n${stderr}`)));
  });
  const m = /^listening on 127\.0\.0\.1:(\d+)$/.exec(await within(60_000, "the server's first line", first));
  assert.ok(m);
  port = Number(m[1]);
});

test.after(() => {
  if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
});

test("resets and slowloris clients leave no descriptor open in the echo server", async () => {
  assert.ok(existsSync(`/proc/${server.pid}/fd`), "this test counts descriptors through /proc");
  assert.ok(await exchange(randomBytes(1000))); // warm: whatever the first client opens for good
  await delay(50);
  const before = descriptors();
  const n = size(120, 1_500);
  const jobs: Promise<unknown>[] = [];
  let exact = 0;
  let resets = 0;
  let slow = 0;
  for (let i = 0; i < n; i++) {
    const payload = randomBytes(1 + ((i * 7919) % 50_000));
    if (i % 3 === 0) {
      resets += 1;
      jobs.push(reset(payload, i % 2 === 0));
    } else if (i % 3 === 1) {
      slow += 1;
      jobs.push(slowloris(1 + (i % 20)));
    } else {
      jobs.push(exchange(payload).then((ok) => void (ok && (exact += 1))));
    }
  }
  await within(300_000, `the ${n} clients`, Promise.all(jobs));
  assert.is(exact, n - resets - slow, "every well-behaved client got its exact echo");
  // The server notices each reset at its next read or write: poll the count until it settles.
  let after = descriptors();
  for (let i = 0; i < 200 && after > before; i++) {
    await delay(25);
    after = descriptors();
  }
  figure(`echo: ${n} clients (${resets} resets, ${slow} slowloris, ${exact} exact echoes): descriptors ${before} before, ${after} after`);
  assert.is(after, before, `descriptors: ${before} before the clients, ${after} after`);
  assert.ok(await exchange(randomBytes(2000)), "the server still serves");
});

test("SIGINT ends the server with exit code 0", async () => {
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  server.kill("SIGINT");
  assert.is(await within(30_000, "the server's exit", exited), 0, stderr);
});

test.run();
