// `npm start`'s server: it builds the site, serves it cross-origin isolated, prints its URL once
// the page loads, takes the next port when its own is in use, and stops on Ctrl-C (SIGINT).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

test("a port in use is said and the next one taken; the page is served with COOP and COEP; SIGINT stops it", async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, resolve));
  const taken = (blocker.address() as AddressInfo).port;
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "playground", "server.ts"), "--port", String(taken)], { cwd: root });
  let out = "";
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^playground: (http:\/\/localhost:\d+\/)$/m.exec(out);
      if (m !== null) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}) before printing its URL:\n${out}`)));
  });
  assert.match(out, new RegExp(`^playground: port ${taken} is in use, trying ${taken + 1}$`, "m"));
  assert.is.not(new URL(url).port, String(taken));
  const page = await fetch(url);
  assert.is(page.status, 200);
  assert.is(page.headers.get("cross-origin-opener-policy"), "same-origin");
  assert.is(page.headers.get("cross-origin-embedder-policy"), "require-corp");
  assert.match(await page.text(), /aria-label="Examples"/);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  assert.is(await exited, 0);
  blocker.close();
});

test("a bad port is refused with a message saying how to give one", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "playground", "server.ts"), "--port", "http"], { cwd: root });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  assert.is(code, 2);
  assert.match(err, /the port must be a number from 0 to 65535, not "http" \(use --port N or PORT=N\)/);
});

test.run();
