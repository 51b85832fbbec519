/**
 * echo: the throughput of `examples/echo.ts` (run as users run it, `node dist/cli.js run`, so
 * the transformer's own output) against a plain Node `net` echo server (`on("data")` → `write`,
 * pausing while a write waits for `drain`). Each server runs in a process of its own; the
 * measuring process is the client for both: 64 connections, each sending a 16 KiB message and
 * waiting for all of its echo before sending the next. One operation is one message echoed, so
 * throughput is 16 KiB over the time per operation, and the ratio of times is the inverse of
 * the ratio of throughputs.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as net from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Workload } from "../workload.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CONNECTIONS = 64;
const SIZE = 16 * 1024;
const ROUNDS = 200; // messages per connection and sample
const MESSAGE = randomBytes(SIZE);

/** The plain Node peer: what one writes without a library, with backpressure. */
const NATIVE_SERVER = `
const net = require("node:net");
const server = net.createServer({ allowHalfOpen: true }, (s) => {
  s.on("data", (d) => {
    if (!s.write(d)) {
      s.pause();
      s.once("drain", () => s.resume());
    }
  });
  s.on("end", () => s.end());
  s.on("error", () => s.destroy());
});
server.listen({ port: 0, host: "127.0.0.1" }, () => console.log("listening on 127.0.0.1:" + server.address().port));
process.once("SIGINT", () => server.close());
`;

type Server = { child: ChildProcess; sockets: net.Socket[]; exited: Promise<number | null> };
let server: Promise<Server> | undefined;

async function start(args: string[]): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const m = /^listening on 127\.0\.0\.1:(\d+)\n/.exec(out);
      if (m !== null) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`the echo server exited (${code}) before listening`)));
  });
  const sockets = await Promise.all(
    Array.from(
      { length: CONNECTIONS },
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect({ host: "127.0.0.1", port, noDelay: true }, () => resolve(s));
          s.once("error", reject);
        }),
    ),
  );
  return { child, sockets, exited };
}

/** Every connection sends `ROUNDS` messages, one at a time; resolves with the bytes echoed. */
function drive(sockets: net.Socket[]): Promise<number> {
  const one = (s: net.Socket) =>
    new Promise<number>((resolve) => {
      let sent = 1;
      let received = 0;
      const onData = (d: Buffer) => {
        received += d.length;
        if (received < sent * SIZE) return;
        if (sent === ROUNDS) {
          s.off("data", onData);
          resolve(received);
        } else {
          sent += 1;
          s.write(MESSAGE);
        }
      };
      s.on("data", onData);
      s.write(MESSAGE);
    });
  return Promise.all(sockets.map(one)).then((ns) => ns.reduce((a, b) => a + b, 0));
}

/** A sample: the server starts at the first (a warm-up sample, untimed in the table). */
const sample = (args: string[]) => async () => {
  const { sockets } = await (server ??= start(args));
  const bytes = await drive(sockets);
  expect("echo bytes", bytes, CONNECTIONS * ROUNDS * SIZE);
  return CONNECTIONS * ROUNDS;
};

const workload: Workload = {
  name: "echo",
  operation: `one ${SIZE / 1024} KiB message echoed (${CONNECTIONS} connections, each waiting for its echo before the next message)`,
  note: "The server runs in a process of its own; the measuring process is the client. miou-compiled is examples/echo.ts run by the built CLI; native is a `net` server writing back each chunk and pausing on backpressure.",
  measure: "time",
  async teardown() {
    if (server === undefined) return;
    const { child, sockets, exited } = await server;
    for (const s of sockets) s.end();
    await Promise.all(sockets.map((s) => new Promise((resolve) => s.once("close", resolve))));
    child.kill("SIGINT");
    expect("the echo server's exit code", await exited, 0);
  },
  peers: {
    // More samples than the default: the two processes share the machine's cores with anything else running.
    "miou-compiled": { run: sample([join(root, "dist", "cli.js"), "run", join(root, "examples", "echo.ts"), "0"]), iterations: 11 },
    native: { run: sample(["-e", NATIVE_SERVER]), iterations: 11 },
  },
};
export default workload;
