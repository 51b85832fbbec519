// miou/node sockets: a buffer can be reused as soon as `write` returns; closing a socket or a
// listener wakes the tasks parked on it; `Ownership.resource` hands an owned socket to a child.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as net from "node:net";
import * as Miou from "miou/gen";
import * as Node from "miou/node/gen";

/** Fails instead of hanging. */
function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still not done after ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Byte `p` of the test stream. */
const byteAt = (p: number) => (p * 31 + (p >>> 12)) & 0xff;

/** A client that reads everything, pausing between chunks so that the server's writes queue. */
function slowReader(port: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: "127.0.0.1", port });
    const chunks: Buffer[] = [];
    s.on("data", (d: Buffer) => {
      chunks.push(d);
      s.pause();
      setTimeout(() => s.resume(), 2);
    });
    s.on("end", () => {
      s.end();
      resolve(Buffer.concat(chunks));
    });
    s.on("error", reject);
  });
}

for (const size of [512, 4096, 16384]) {
  test(`write: a ${size}-byte buffer refilled after each write arrives intact (16 MiB to a slow reader)`, async () => {
    const total = 16 << 20;
    const got = await within(
      120_000,
      "the transfer",
      Node.run(function* () {
        const l = yield* Node.listen({ host: "127.0.0.1", port: 0 });
        const reading = slowReader(Node.address(l).port);
        const [s] = yield* Node.accept(l);
        const buf = new Uint8Array(size);
        for (let sent = 0; sent < total; sent += size) {
          for (let i = 0; i < size; i++) buf[i] = byteAt(sent + i);
          yield* Node.write(s, buf); // the next round overwrites buf at once
        }
        yield* Node.close(s);
        yield* Node.close(l);
        return yield* Miou.await_promise(reading);
      }),
    );
    assert.is(got.length, total);
    let bad = -1;
    for (let p = 0; p < total && bad < 0; p++) if (got[p] !== byteAt(p)) bad = p;
    assert.is(bad, -1, `byte ${bad} differs`);
  });
}

test("write: a string, and a view with off/len, are sent as given", async () => {
  const got = await within(
    30_000,
    "the transfer",
    Node.run(function* () {
      const l = yield* Node.listen({ host: "127.0.0.1", port: 0 });
      const reading = slowReader(Node.address(l).port);
      const [s] = yield* Node.accept(l);
      yield* Node.write(s, "héllo ");
      yield* Node.write(s, new TextEncoder().encode("xxworldxx"), 2, 5);
      yield* Node.close(s);
      yield* Node.close(l);
      return yield* Miou.await_promise(reading);
    }),
  );
  assert.is(got.toString("utf8"), "héllo world");
});

test("accepted and connected sockets buffer 64 KiB per direction, so reading 16 KiB messages never stops Node reading", async () => {
  const marks = await Node.run(function* () {
    const l = yield* Node.listen({ host: "127.0.0.1", port: 0 });
    const c = yield* Node.connect({ host: "127.0.0.1", port: Node.address(l).port });
    const [a] = yield* Node.accept(l);
    const out = [a, c].map((s) => [s.sock.readableHighWaterMark, s.sock.writableHighWaterMark]);
    yield* Node.close(a);
    yield* Node.close(c);
    yield* Node.close(l);
    return out;
  });
  assert.equal(marks, [
    [65536, 65536],
    [65536, 65536],
  ]);
});

test("close: a task parked in accept on a listener another task closes throws ERR_SOCKET_CLOSED", async () => {
  const r = await within(
    30_000,
    "the accept",
    Node.run(function* () {
      const l = yield* Node.listen({ host: "127.0.0.1", port: 0 });
      const p = yield* Miou.async(function* () {
        return yield* Node.accept(l);
      });
      yield* Node.sleep(0.01); // p is parked in accept
      yield* Node.close(l);
      return yield* Miou.await_(p);
    }),
  );
  assert.is(r.ok, false);
  assert.is((r as { error: NodeJS.ErrnoException }).error.code, "ERR_SOCKET_CLOSED");
});

test("close: a task parked in read on a socket another task closes throws ERR_SOCKET_CLOSED", async () => {
  const peer: { s?: net.Socket } = {};
  const r = await within(
    30_000,
    "the read",
    Node.run(function* () {
      const l = yield* Node.listen({ host: "127.0.0.1", port: 0 });
      peer.s = net.connect({ host: "127.0.0.1", port: Node.address(l).port }); // connected, silent, never ends
      peer.s.on("error", () => {});
      const [s] = yield* Node.accept(l);
      const p = yield* Miou.async(function* () {
        return yield* Node.read(s, new Uint8Array(16));
      });
      yield* Node.sleep(0.01); // p is parked in read
      yield* Node.close(s);
      yield* Node.close(l);
      return yield* Miou.await_(p);
    }),
  );
  peer.s?.destroy();
  assert.is(r.ok, false);
  assert.is((r as { error: NodeJS.ErrnoException }).error.code, "ERR_SOCKET_CLOSED");
});

test("close: a task parked in recvfrom on a UDP socket another task closes throws ERR_SOCKET_CLOSED", async () => {
  const r = await within(
    30_000,
    "the recvfrom",
    Node.run(function* () {
      const u = yield* Node.udp(4);
      yield* Node.bind(u, { host: "127.0.0.1", port: 0 });
      const p = yield* Miou.async(function* () {
        return yield* Node.recvfrom(u, new Uint8Array(16));
      });
      yield* Node.sleep(0.01); // p is parked in recvfrom
      yield* Node.close(u);
      return yield* Miou.await_(p);
    }),
  );
  assert.is(r.ok, false);
  assert.is((r as { error: NodeJS.ErrnoException }).error.code, "ERR_SOCKET_CLOSED");
});

test("Ownership.resource: an owned client given to a child is the child's to close; a failing child's finaliser closes it", async () => {
  const ends = await within(
    30_000,
    "the clients",
    Node.run(function* () {
      const l = yield* Node.Ownership.listen({ host: "127.0.0.1", port: 0 });
      const port = Node.address(l).port;
      const closedByPeer = () =>
        new Promise<string>((resolve) => {
          const c = net.connect({ host: "127.0.0.1", port });
          c.on("error", () => {});
          c.on("data", () => {});
          c.on("close", () => resolve("closed"));
        });
      const a = closedByPeer();
      const b = closedByPeer();
      const [first] = yield* Node.Ownership.accept(l);
      const ok = yield* Miou.async(
        function* () {
          yield* Node.close(first); // as its owner: disowned, then closed
        },
        { give: [Node.Ownership.resource(first)] },
      );
      const [second] = yield* Node.Ownership.accept(l);
      const failing = yield* Miou.async(
        function* () {
          yield* Miou.yield_();
          throw new Error("handler failed");
        },
        { give: [Node.Ownership.resource(second)] },
      );
      yield* Miou.await_exn(ok);
      const r = yield* Miou.await_(failing);
      assert.is(r.ok, false);
      yield* Node.close(l);
      return yield* Miou.await_promise(Promise.all([a, b]));
    }),
  );
  assert.equal(ends, ["closed", "closed"]);
});

test("Ownership.resource: a TypeError for a socket made without Ownership, or closed", async () => {
  const messages = await Node.run(function* () {
    const plain = yield* Node.listen({ host: "127.0.0.1", port: 0 });
    const owned = yield* Node.Ownership.listen({ host: "127.0.0.1", port: 0 });
    yield* Node.close(owned);
    const out: string[] = [];
    for (const x of [plain, owned]) {
      try {
        Node.Ownership.resource(x);
      } catch (e) {
        out.push(`${(e as Error).name}: ${(e as Error).message}`);
      }
    }
    yield* Node.close(plain);
    return out;
  });
  assert.is(messages.length, 2);
  for (const m of messages) assert.match(m, /^TypeError: Miou\.Ownership\.resource: /);
});

test.run();
