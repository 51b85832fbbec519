// examples/connect-timeout.ts runs as users run it, `npx miou run examples/connect-timeout.ts`,
// against servers on loopback that this test starts: one that accepts, a closed port that
// refuses, and a port where connecting hangs.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFile } from "node:child_process";
import * as net from "node:net";
import { once } from "node:events";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

const root = join(import.meta.dirname, "..", "..");

/** Runs the example without blocking this thread: the servers below must keep working. */
function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, "dist", "cli.js"), "run", join(root, "examples", "connect-timeout.ts"), ...args],
      { cwd: root, encoding: "utf8", timeout: 60_000, env: { ...process.env, FORCE_COLOR: "0" } },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, out: stdout, err: stderr }),
    );
  });
}

/** A server that accepts: the connections it got, and whether each was closed by the client. */
async function accepting(): Promise<{ port: number; seen: { closed: boolean }[]; close(): Promise<void> }> {
  const seen: { closed: boolean }[] = [];
  const sockets: net.Socket[] = [];
  const server = net.createServer((sock) => {
    const entry = { closed: false };
    seen.push(entry);
    sockets.push(sock);
    sock.on("error", () => undefined);
    sock.on("close", () => (entry.closed = true));
    sock.resume();
  });
  server.listen({ host: "127.0.0.1", port: 0 });
  await once(server, "listening");
  return {
    port: (server.address() as net.AddressInfo).port,
    seen,
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, "close");
    },
  };
}

/** A loopback port nothing listens on: connecting is refused at once. */
async function refusing(): Promise<number> {
  const server = net.createServer();
  server.listen({ host: "127.0.0.1", port: 0 });
  await once(server, "listening");
  const port = (server.address() as net.AddressInfo).port;
  server.close();
  await once(server, "close");
  return port;
}

/**
 * A loopback port where connecting hangs. A non-routable address such as 10.255.255.1 does not
 * do here: this sandbox's network accepts connections to any outside address. What hangs
 * everywhere on Linux is a listener whose accept queue is full: the kernel drops the SYN of
 * further connections, and the client resends it for minutes. The listener, with a backlog of 1,
 * lives in a worker thread blocked in `Atomics.wait`, so nothing ever accepts; connections are
 * made until one stays pending, and from then on the queue is full.
 */
async function hanging(): Promise<{ port: number; close(): Promise<void> }> {
  const gate = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { workerData: gate } = require("node:worker_threads");
     const server = require("node:net").createServer();
     server.listen({ host: "127.0.0.1", port: 0, backlog: 1 }, () => {
       Atomics.store(gate, 1, server.address().port);
       Atomics.notify(gate, 1);
       Atomics.wait(gate, 0, 0); // the thread's event loop stops here: nothing is accepted
     });`,
    { eval: true, workerData: gate },
  );
  while (Atomics.load(gate, 1) === 0) await new Promise((r) => setTimeout(r, 5));
  const port = Atomics.load(gate, 1);
  const fillers: net.Socket[] = [];
  for (let full = false; !full; ) {
    if (fillers.length === 20) throw new Error("the accept queue never filled up");
    const s = net.connect({ host: "127.0.0.1", port });
    s.on("error", () => undefined);
    fillers.push(s);
    full = await new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(true), 300);
      s.once("connect", () => {
        clearTimeout(t);
        resolve(false);
      });
    });
  }
  return {
    port,
    close: async () => {
      for (const s of fillers) s.destroy();
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
      await worker.terminate();
    },
  };
}

test("a hanging address does not hold up the others: a refusal is skipped, the first connection wins, the pending attempt is cancelled", async () => {
  const good = await accepting();
  const bad = await refusing();
  const slow = await hanging();
  try {
    // Attempts start 0.25 s apart: the hanging one first, then the refused one, then the good one.
    const r = await run([`127.0.0.1:${slow.port}`, `127.0.0.1:${bad}`, `127.0.0.1:${good.port}`]);
    assert.is(r.err, "");
    assert.is(
      r.out,
      [
        `trying 127.0.0.1:${slow.port}`,
        `trying 127.0.0.1:${bad}`,
        `127.0.0.1:${bad}: ECONNREFUSED`,
        `trying 127.0.0.1:${good.port}`,
        `gave up on 127.0.0.1:${slow.port}`,
        `connected to 127.0.0.1:${good.port}`,
        "",
      ].join("\n"),
    );
    assert.is(r.code, 0);
    // The server saw one connection, which the example closed.
    for (let i = 0; i < 100 && !(good.seen[0]?.closed ?? false); i++) await new Promise((res) => setTimeout(res, 10));
    assert.equal(good.seen, [{ closed: true }]);
  } finally {
    await good.close();
    await slow.close();
  }
});

test("nothing connects in time: the timeout wins and the pending attempt is cancelled", async () => {
  const bad = await refusing();
  const slow = await hanging();
  try {
    const r = await run(["--timeout=1", `127.0.0.1:${bad}`, `127.0.0.1:${slow.port}`]);
    assert.is(r.err, "");
    assert.is(
      r.out,
      [
        `trying 127.0.0.1:${bad}`,
        `127.0.0.1:${bad}: ECONNREFUSED`,
        `trying 127.0.0.1:${slow.port}`,
        `gave up on 127.0.0.1:${slow.port}`,
        "timed out: no connection within 1 s",
        "",
      ].join("\n"),
    );
    assert.is(r.code, 1);
  } finally {
    await slow.close();
  }
});

test("every address refuses: the race ends with the last failure, before the timeout", async () => {
  const a = await refusing();
  const b = await refusing();
  const r = await run(["--timeout=30", "--delay=0.05", `127.0.0.1:${a}`, `[::1]:${b}`]);
  assert.is(r.err, "");
  assert.match(r.out, new RegExp(`^trying 127\\.0\\.0\\.1:${a}\\n127\\.0\\.0\\.1:${a}: ECONNREFUSED\\ntrying \\[::1\\]:${b}\\n\\[::1\\]:${b}: E[A-Z]+\\nfailed: every address failed\\n$`));
  assert.is(r.code, 1);
});

test.run();
