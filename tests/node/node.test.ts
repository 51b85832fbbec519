// miou/node against real sockets on loopback (README, "Node I/O: miou/node"): what completes at once performs no
// scheduling point; cancellation leaves no timer, listener or handle behind; Node's errors reach
// the task that did the operation; UDP; and all of it on worker domains too.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as net from "node:net";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as Miou from "miou/gen";
import * as Node from "miou/node/gen";
import { echoFromWorker, longSleep, ownedReader } from "./_portable.mjs";

/** Active handles of one kind; closed handles leave the list at the next turn of the event loop. */
async function handles(kind: string): Promise<number> {
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  return process.getActiveResourcesInfo().filter((r) => r === kind).length;
}

/** A plain Node server for the tests' peers: calls `onSocket` for each connection. */
async function server(onSocket: (s: net.Socket) => void): Promise<{ port: number; close(): Promise<void> }> {
  const srv = net.createServer(onSocket);
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const sockets = new Set<net.Socket>();
  srv.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return {
    port: (srv.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      }),
  };
}

const echo = (s: net.Socket) => s.pipe(s);

test("read, write, accept and recvfrom that can complete at once perform no scheduling point", async () => {
  const peer = await server((s) => s.write("abcdef"));
  const order = await Node.run(function* () {
    const out: string[] = [];
    const s = yield* Node.connect({ host: "127.0.0.1", port: peer.port });
    const buf = new Uint8Array(6);
    yield* Node.really_read(s, buf, 0, 1); // waits: the data is now in
    const l = yield* Node.listen({ port: 0, host: "127.0.0.1" });
    const c = yield* Node.connect({ host: "127.0.0.1", port: Node.address(l).port });
    const u = yield* Node.udp(4);
    yield* Node.bind(u, { port: 0, host: "127.0.0.1" });
    yield* Node.sendto(u, "d", Node.address(u));
    yield* Node.sleep(0.02); // lets the connection and the datagram come in
    const other = yield* Miou.async(() => void out.push("other task"));
    // From here until the yield_, nothing may let `other` run.
    yield* Node.read(s, buf, 1, 5);
    const [a] = yield* Node.accept(l);
    yield* Node.write(c, "x");
    yield* Node.recvfrom(u, buf);
    out.push("operations done");
    yield* Miou.yield_();
    yield* Miou.await_all([other]);
    for (const x of [s, a, c, l, u]) yield* Node.close(x);
    return out;
  });
  await peer.close();
  assert.equal(order, ["operations done", "other task"]);
});

test("a cancelled sleep leaves no timer behind", async () => {
  const before = await handles("Timeout");
  const v = await Node.run(function* () {
    const p = yield* Miou.async(() => Node.sleep(60));
    yield* Miou.yield_();
    yield* Miou.yield_();
    yield* Miou.cancel(p);
    const after = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    yield* Node.sleep(0.001);
    return { after, result: (yield* Miou.await_(p)).ok };
  });
  assert.is(v.result, false);
  assert.is(v.after, before);
  assert.is(await handles("Timeout"), before);
});

test("a cancelled read or accept leaves the socket usable; no handle is left once closed", async () => {
  const before = await handles("TCPSocketWrap");
  const peer = await server(echo);
  const v = await Node.run(function* () {
    const s = yield* Node.connect({ host: "127.0.0.1", port: peer.port });
    const buf = new Uint8Array(4);
    const reading = yield* Miou.async(() => Node.read(s, buf));
    yield* Miou.yield_();
    yield* Miou.yield_();
    yield* Miou.cancel(reading);
    yield* Node.write(s, "ping");
    yield* Node.really_read(s, buf);
    const l = yield* Node.listen({ port: 0, host: "127.0.0.1" });
    const accepting = yield* Miou.async(() => Node.accept(l));
    yield* Miou.yield_();
    yield* Miou.cancel(accepting);
    const c = yield* Node.connect({ host: "127.0.0.1", port: Node.address(l).port });
    const [a] = yield* Node.accept(l);
    for (const x of [a, c, l, s]) yield* Node.close(x);
    return new TextDecoder().decode(buf);
  });
  await peer.close();
  assert.is(v, "ping");
  assert.is(await handles("TCPSocketWrap"), before);
  assert.is(await handles("TCPServerWrap"), 0);
});

test("a cancelled write destroys the socket; a cancelled connect leaves no socket behind", async () => {
  const before = await handles("TCPSocketWrap");
  // A peer that never reads: the writer fills the buffers and waits for `drain`.
  const peer = await server((s) => s.pause());
  const v = await Node.run(function* () {
    const s = yield* Node.connect({ host: "127.0.0.1", port: peer.port });
    const big = new Uint8Array(1 << 20);
    const writing = yield* Miou.async(function* () {
      for (;;) yield* Node.write(s, big);
    });
    for (let i = 0; i < 50; i++) yield* Node.sleep(0.001);
    yield* Miou.cancel(writing);
    const destroyed = s.sock.destroyed;
    const connecting = yield* Miou.async(() => Node.connect({ host: "127.0.0.1", port: peer.port }));
    yield* Miou.cancel(connecting);
    return destroyed;
  });
  assert.is(v, true);
  await peer.close();
  // The peer's sockets are closed by now: what is left would be ours (the peer is in this process).
  assert.is(await handles("TCPSocketWrap"), before);
});

test("Node's errors reach the task: refused, address in use, reset by peer, writing to a closed socket", async () => {
  const resetter = await server((s) => s.once("data", () => s.resetAndDestroy()));
  const closer = await server((s) => s.destroy());
  const codes = await Node.run(function* () {
    const out: Record<string, unknown> = {};
    const l = yield* Node.listen({ port: 0, host: "127.0.0.1" });
    const port = Node.address(l).port;
    try {
      yield* Node.listen({ port, host: "127.0.0.1" });
    } catch (e) {
      out.inUse = (e as NodeJS.ErrnoException).code;
    }
    yield* Node.close(l);
    try {
      yield* Node.connect({ host: "127.0.0.1", port });
    } catch (e) {
      out.refused = (e as NodeJS.ErrnoException).code;
      out.message = (e as Error).message;
    }
    const r = yield* Node.connect({ host: "127.0.0.1", port: resetter.port });
    yield* Node.write(r, "hello");
    try {
      yield* Node.read(r, new Uint8Array(8));
    } catch (e) {
      out.reset = (e as NodeJS.ErrnoException).code;
    }
    const c = yield* Node.connect({ host: "127.0.0.1", port: closer.port });
    try {
      for (let i = 0; i < 1000; i++) {
        yield* Node.write(c, new Uint8Array(65536));
        yield* Node.sleep(0.001);
      }
      out.closed = "no error";
    } catch (e) {
      out.closed = (e as NodeJS.ErrnoException).code;
    }
    yield* Node.close(r);
    yield* Node.close(c);
    return out;
  });
  await resetter.close();
  await closer.close();
  assert.is(codes.inUse, "EADDRINUSE");
  assert.is(codes.refused, "ECONNREFUSED");
  assert.match(String(codes.message), /ECONNREFUSED/);
  assert.is(codes.reset, "ECONNRESET");
  assert.ok(codes.closed === "EPIPE" || codes.closed === "ECONNRESET", `writing to a closed socket: ${codes.closed}`);
});

test("an owned socket is closed by its finaliser when its task fails; End_of_file from really_read", async () => {
  let peerSawEnd = false;
  const peer = await server((s) => {
    s.on("end", () => (peerSawEnd = true));
    s.end("ab"); // two bytes, then the end of the stream
  });
  const v = await Node.run(function* () {
    const p = yield* Miou.async(function* () {
      const s = yield* Node.Ownership.connect({ host: "127.0.0.1", port: peer.port });
      yield* Node.really_read(s, new Uint8Array(4));
    });
    const r = yield* Miou.await_(p);
    return r.ok ? null : r.error;
  });
  for (let i = 0; i < 50 && !peerSawEnd; i++) await new Promise((r) => setTimeout(r, 5));
  await peer.close();
  assert.instance(v, Node.End_of_file);
  assert.match((v as Error).message, "after 2 of 4 bytes");
  assert.is(peerSawEnd, true, "the finaliser closed the socket");
});

test("UDP: round trips, datagrams queued while no task waits, cut to the buffer", async () => {
  const v = await Node.run(function* () {
    const a = yield* Node.udp(4);
    yield* Node.bind(a, { port: 0, host: "127.0.0.1" });
    const b = yield* Node.Ownership.udp(4);
    yield* Node.bind(b, { port: 0, host: "127.0.0.1" });
    for (const word of ["one", "two", "three"]) yield* Node.sendto(b, word, Node.address(a));
    yield* Node.sleep(0.01);
    const got: string[] = [];
    const buf = new Uint8Array(4);
    for (let i = 0; i < 3; i++) {
      const [n, from] = yield* Node.recvfrom(a, buf);
      got.push(`${new TextDecoder().decode(buf.subarray(0, n))}@${from.port === Node.address(b).port}`);
      yield* Node.sendto(a, "ack", from);
    }
    const [n] = yield* Node.recvfrom(b, buf);
    yield* Node.close(a);
    yield* Node.close(b);
    return { got, ack: new TextDecoder().decode(buf.subarray(0, n)) };
  });
  assert.equal(v, { got: ["one@true", "two@true", "thre@true"], ack: "ack" });
});

test("on worker domains: sleep and TCP work; a cancelled owned reader closes its socket; a cancelled sleep leaves no timer there", async () => {
  let ended = 0;
  const peer = await server((s) => {
    s.on("end", () => (ended += 1));
    s.pipe(s);
  });
  const probe = new Int32Array(new SharedArrayBuffer(8));
  const sleepProbe = new Int32Array(new SharedArrayBuffer(8));
  const v = await Node.run(
    function* () {
      const echoes = [];
      for (const d of [1, 2]) echoes.push(yield* Miou.await_exn(yield* Miou.call(echoFromWorker(peer.port, `hi ${d}`), { pin: d })));
      const reader = yield* Miou.call(ownedReader(peer.port, probe), { pin: 1 });
      const sleeper = yield* Miou.call(longSleep(sleepProbe), { pin: 2 });
      while (Atomics.load(probe, 0) === 0 || Atomics.load(sleepProbe, 0) === 0) yield* Node.sleep(0.001);
      yield* Miou.cancel(reader);
      yield* Miou.cancel(sleeper);
      return { echoes, timersLeft: Atomics.load(sleepProbe, 1) - 1 };
    },
    { domains: 2 },
  );
  for (let i = 0; i < 100 && ended < 3; i++) await new Promise((r) => setTimeout(r, 5));
  await peer.close();
  assert.equal(v.echoes, [
    [1, "hi 1"],
    [2, "hi 2"],
  ]);
  assert.is(v.timersLeft, 0);
  assert.is(ended, 3, "both echo clients closed, and the cancelled reader's socket was closed by its finaliser");
});

test("only miou/node's declarations reference Node's types", () => {
  const dist = join(import.meta.dirname, "..", "..", "dist");
  const nodeish = /from ['"]node:|import ['"]node:|NodeJS\.|\bnet\.Socket\b/;
  const declarations = readdirSync(dist).filter((f) => f.endsWith(".d.ts"));
  const node = declarations.filter((f) => nodeish.test(readFileSync(join(dist, f), "utf8")));
  assert.equal(node.sort(), ["node-gen.d.ts", "node.d.ts"], "no declaration file but miou/node's mentions Node");
});

test.run();
