// Ownership under faults: a throwing finaliser runs once and the resource is gone, a resource has
// one owner at a time, and a Node.Ownership function that fails leaves nothing owned.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import * as Node from "miou/node/gen";
import * as net from "node:net";
import { output } from "../helpers.js";

test("release whose finaliser throws: the finaliser runs once, the error reaches the caller, the resource is gone", async () => {
  const out = output();
  const v = await Miou.run(function* () {
    const r = Miou.Ownership.create("r", () => {
      out.print("finalised");
      throw new Error("boom");
    });
    yield* Miou.Ownership.own(r);
    let caught = "";
    try {
      yield* Miou.Ownership.release(r);
    } catch (e) {
      caught = (e as Error).message;
    }
    return caught;
  });
  assert.match(v, /boom/);
  assert.equal(out.lines, ["finalised"]);
});

test("release whose finaliser throws in a task that then fails: the finaliser still runs once", async () => {
  const out = output();
  const e = await Miou.run(function* () {
    const r = Miou.Ownership.create("r", () => {
      out.print("finalised");
      throw new Error("boom");
    });
    yield* Miou.Ownership.own(r);
    yield* Miou.Ownership.release(r);
  }).catch((e: unknown) => e as Error);
  assert.match(String((e as Error).message), /boom/);
  assert.not.instance(e, Miou.Resource_leaked);
  assert.equal(out.lines, ["finalised"]);
});

test("own of a resource another task owns raises Not_owner, and the resource keeps one owner", async () => {
  const out = output();
  const e = await Miou.run(function* () {
    const r = Miou.Ownership.create("r", () => out.print("finalised"));
    yield* Miou.Ownership.own(r);
    const p = yield* Miou.async(function* () {
      yield* Miou.Ownership.own(r);
    });
    const res = yield* Miou.await_(p);
    yield* Miou.Ownership.release(r);
    return res;
  });
  assert.is(e.ok, false);
  assert.instance((e as { error: unknown }).error, Miou.Not_owner);
  assert.match(String(((e as { error: Error }).error).message), /Ownership\.own/);
  assert.equal(out.lines, ["finalised"]);
});

test("async with give of a resource the caller does not own raises Not_owner and spawns nothing", async () => {
  const out = output();
  const v = await Miou.run(function* () {
    const r = Miou.Ownership.create("r", () => out.print("finalised"));
    const holder = yield* Miou.async(function* () {
      yield* Miou.Ownership.own(r);
      yield* Miou.Ownership.release(r);
    });
    yield* Miou.yield_(); // holder owns r now
    let caught: unknown = null;
    try {
      yield* Miou.async(() => out.print("child ran"), { give: [r] });
    } catch (e) {
      caught = e;
    }
    yield* Miou.await_exn(holder);
    return caught;
  });
  assert.instance(v, Miou.Not_owner);
  assert.match(String((v as Error).message), /async/);
  assert.equal(out.lines, ["finalised"]);
});

test("give of a resource nobody owns raises Not_owner", async () => {
  const v = await Miou.run(function* () {
    const r = Miou.Ownership.create("r", () => {});
    try {
      const p = yield* Miou.async(() => 1, { give: [r] });
      yield* Miou.await_(p);
      return null;
    } catch (e) {
      return e;
    }
  });
  assert.instance(v, Miou.Not_owner);
});

/** A port nothing listens on: bound, then closed. */
async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

test("a failed Node.Ownership.connect (ECONNREFUSED), caught, leaves nothing owned", async () => {
  const port = await deadPort();
  const code = await Node.run(function* () {
    try {
      yield* Node.Ownership.connect({ host: "127.0.0.1", port });
      return "connected";
    } catch (e) {
      return (e as { code?: string }).code;
    }
  });
  assert.is(code, "ECONNREFUSED");
});

test("a failed Node.Ownership.listen (EADDRINUSE), caught, leaves nothing owned", async () => {
  const code = await Node.run(function* () {
    const l = yield* Node.Ownership.listen({ port: 0, host: "127.0.0.1" });
    const { port } = Node.address(l);
    let code: string | undefined;
    try {
      yield* Node.Ownership.listen({ port, host: "127.0.0.1" });
    } catch (e) {
      code = (e as { code?: string }).code;
    }
    yield* Node.close(l);
    return code;
  });
  assert.is(code, "EADDRINUSE");
});

test("an Ownership.accept woken by closing its listener (the shutdown path) leaves nothing owned", async () => {
  const code = await Node.run(function* () {
    const l = yield* Node.Ownership.listen({ port: 0, host: "127.0.0.1" });
    const acceptor = yield* Miou.async(function* () {
      try {
        yield* Node.Ownership.accept(l);
        return "accepted";
      } catch (e) {
        return (e as { code?: string }).code;
      }
    });
    yield* Miou.yield_();
    yield* Node.close(l);
    return yield* Miou.await_exn(acceptor);
  });
  assert.is(code, "ERR_SOCKET_CLOSED");
});

test.run();
