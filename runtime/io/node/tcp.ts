/**
 * TCP over Node's `net`, on the public suspension API alone: each function first tries to
 * complete at once (no scheduling point, as in Miou_unix), and otherwise parks the task on a
 * syscall that a socket event wakes. A cancelled operation leaves no listener behind: the
 * waiting syscall is dropped in a `finally`.
 */
import * as net from "node:net";
import { Ownership, yield_, type Resource } from "../../gen.js";
import { bytes, buffer, port, range, socketError, type Address } from "./common.js";
import { isInstance } from "../../types.js";
import { Waiting } from "./waiting.js";

/**
 * What Node buffers per socket and direction (Node 22's default; Node 20's is 16 KiB). Node
 * stops reading from the kernel when its buffer holds this much, and starts again when `read`
 * takes from it: at 16 KiB, a stream of 16 KiB messages cost two `epoll_ctl` calls per message.
 */
const HIGH_WATER_MARK = 64 * 1024;

const addressOf = (host: string | undefined, p: number | undefined): Address => ({ host: host ?? "", port: p ?? 0 });

/** A connected TCP socket (opaque). */
export class Socket {
  /** @internal */ readonly sock: net.Socket;
  /** @internal What `read` took from Node and has not handed out yet. */
  chunk: Buffer | null = null;
  /** @internal An error Node reported: thrown by the next operation. */
  error: Error | null = null;
  /** @internal */ ended = false;
  /** @internal */ closed = false;
  /** @internal */ readonly reader = new Waiting();
  /** @internal */ readonly writer = new Waiting();
  /** @internal The resource when a task owns the socket (`Node.Ownership`). */
  resource: Resource<unknown> | null = null;

  constructor(sock: net.Socket) {
    this.sock = sock;
    sock.on("readable", () => this.reader.wake());
    sock.on("end", () => {
      this.ended = true;
      this.reader.wake();
    });
    sock.on("drain", () => this.writer.wake());
    sock.on("error", (e) => {
      this.error ??= e;
      this.reader.wake();
      this.writer.wake();
    });
    sock.on("close", () => {
      this.ended = true;
      this.reader.wake();
      this.writer.wake();
    });
  }

  /** @internal Throws the error Node reported, if any. */
  check(fn: string): void {
    if (this.closed) throw socketError(`Miou.${fn}: the socket is closed`, "ERR_SOCKET_CLOSED");
    if (this.error !== null) throw this.error;
  }

  /** @internal Closes both directions: what was written is still sent, nothing more is read. */
  shut(): void {
    if (this.closed) return;
    this.closed = true;
    const sock = this.sock;
    this.chunk = null;
    // Tasks parked on the socket look again, and find it closed.
    this.reader.wake();
    this.writer.wake();
    if (sock.destroyed) return;
    sock.once("finish", () => sock.destroy());
    sock.end();
    sock.resume(); // drop what still arrives, so the stream can end
  }
}

/** A listening TCP socket (opaque). */
export class Listener {
  /** @internal */ readonly server: net.Server;
  /** @internal Connections Node accepted that no task has taken yet. */
  readonly pending: Socket[] = [];
  /** @internal */ error: Error | null = null;
  /** @internal */ closed = false;
  /** @internal */ readonly acceptor = new Waiting();
  /** @internal */ resource: Resource<unknown> | null = null;

  constructor(server: net.Server) {
    this.server = server;
    server.on("connection", (sock) => {
      // Wrapped at once: a connection reset before `accept` is an error of that socket, not a crash.
      this.pending.push(new Socket(sock));
      this.acceptor.wake();
    });
    server.on("error", (e) => {
      this.error ??= e;
      this.acceptor.wake();
    });
  }

  /** @internal */
  shut(): void {
    if (this.closed) return;
    this.closed = true;
    this.server.close();
    for (const s of this.pending.splice(0)) s.sock.destroy();
    this.acceptor.wake(); // a task parked in accept finds the listener closed
  }
}

export function asSocket(fn: string, s: unknown): Socket {
  if (isInstance(s, Socket)) return s;
  throw new TypeError(`Miou.${fn}: expected a socket from Node.connect or Node.accept`);
}

function asListener(fn: string, l: unknown): Listener {
  if (isInstance(l, Listener)) return l;
  throw new TypeError(`Miou.${fn}: expected a listener from Node.listen`);
}

/** The options of `listen` or `connect`, checked before anything is opened (`fn` names the function). */
function checked<O extends { port: number; host?: string; backlog?: number }>(fn: string, options: O, hostRequired: boolean): O {
  if (options === null || typeof options !== "object")
    throw new TypeError(`Miou.${fn}: expected options { port${hostRequired ? ", host" : ", host?, backlog?"} }, not ${options === null ? "null" : typeof options}`);
  port(fn, options.port);
  const { host, backlog } = options;
  if (hostRequired ? typeof host !== "string" : host !== undefined && typeof host !== "string")
    throw new TypeError(`Miou.${fn}: \`host\` must be a host name or an address as a string${hostRequired ? "" : ", or absent (all interfaces)"}`);
  if (backlog !== undefined && !(Number.isInteger(backlog) && backlog >= 0 && backlog <= 0x7fffffff))
    throw new RangeError(`Miou.${fn}: \`backlog\` must be an integer from 0 to 2147483647, or absent (511), not ${String(backlog)}`);
  return options;
}

export function* listen(options: { port: number; host?: string; backlog?: number }, fn = "listen"): Generator<unknown, Listener, unknown> {
  const p = checked(fn, options, false).port;
  const server = net.createServer({ allowHalfOpen: true, highWaterMark: HIGH_WATER_MARK });
  const l = new Listener(server);
  let listening = false;
  server.once("listening", () => {
    listening = true;
    l.acceptor.wake();
  });
  server.listen({ port: p, host: options.host, backlog: options.backlog ?? 511 });
  let done = false;
  try {
    const blocked = () => !listening && l.error === null;
    while (blocked()) yield* l.acceptor.park("listen", blocked);
    done = true;
  } finally {
    if (!done) l.shut();
  }
  if (l.error !== null) {
    l.shut();
    throw l.error;
  }
  return l;
}

export function* accept(listener: Listener): Generator<unknown, [Socket, Address], unknown> {
  const l = asListener("accept", listener);
  const blocked = () => l.pending.length === 0 && l.error === null && !l.closed;
  for (;;) {
    if (l.closed) throw socketError("Miou.accept: the listener is closed", "ERR_SOCKET_CLOSED");
    if (l.error !== null) throw l.error;
    const s = l.pending.shift();
    if (s !== undefined) return [s, addressOf(s.sock.remoteAddress, s.sock.remotePort)];
    yield* l.acceptor.park("accept", blocked);
  }
}

export function* connect(options: { host: string; port: number }, fn = "connect"): Generator<unknown, Socket, unknown> {
  const p = checked(fn, options, true).port;
  // Node's stream options reach the socket, though @types/node leaves `highWaterMark` out here.
  const opts: net.NetConnectOpts & { highWaterMark: number } = { host: options.host, port: p, allowHalfOpen: true, highWaterMark: HIGH_WATER_MARK };
  const sock = net.connect(opts);
  const s = new Socket(sock);
  let connected = false;
  sock.once("connect", () => {
    connected = true;
    s.writer.wake();
  });
  let done = false;
  try {
    const blocked = () => !connected && s.error === null && !sock.destroyed;
    while (blocked()) yield* s.writer.park("connect", blocked);
    done = true;
  } finally {
    if (!done) sock.destroy(); // a cancelled connect leaves no half-open socket
  }
  if (!connected) {
    sock.destroy();
    throw s.error ?? socketError(`Miou.connect: the connection to ${options.host}:${p} closed before it was established`, "ECONNRESET");
  }
  return s;
}

/** Copies what Node has buffered into `buf`: the count, 0 at the end of the stream, -1 when it would wait. */
function tryRead(s: Socket, buf: Uint8Array, off: number, len: number): number {
  s.check("read");
  if (len === 0) return 0;
  let chunk = s.chunk;
  if (chunk === null) {
    chunk = s.sock.read() as Buffer | null;
    if (chunk === null) return s.ended || s.sock.readableEnded ? 0 : -1;
  }
  const n = Math.min(len, chunk.length);
  buf.set(n === chunk.length ? chunk : chunk.subarray(0, n), off);
  s.chunk = n === chunk.length ? null : chunk.subarray(n);
  return n;
}

export function* read(socket: Socket, buf: Uint8Array, off?: number, len?: number, fn = "read"): Generator<unknown, number, unknown> {
  const s = asSocket(fn, socket);
  const target = buffer("read", buf);
  const [o, l] = range("read", target.length, off, len);
  const sock = s.sock;
  const blocked = () => s.chunk === null && sock.readableLength === 0 && !s.ended && !sock.readableEnded && s.error === null && !s.closed;
  for (;;) {
    const n = tryRead(s, target, o, l);
    if (n >= 0) return n;
    yield* s.reader.park("read", blocked);
  }
}

export function* write(socket: Socket, data: string | Uint8Array, off?: number, len?: number): Generator<unknown, void, unknown> {
  const s = asSocket("write", socket);
  const all = bytes("write", data);
  const [o, l] = range("write", all.length, off, len);
  s.check("write");
  if (l === 0) return;
  const sock = s.sock;
  const view = o === 0 && l === all.length ? all : all.subarray(o, o + l);
  // Node keeps the bytes it has not handed to the kernel yet, but the caller may reuse its
  // buffer as soon as `write` returns. Bytes that would queue behind earlier writes are copied
  // (a string is a copy already); the others go straight to the kernel, and if it takes only
  // part of them, `write` waits until it has taken the rest.
  const queued = sock.writableLength > 0 || sock.connecting || sock.writableCorked > 0;
  const copy = typeof data === "string" ? view : queued ? Buffer.from(view) : null;
  const flushed = { done: copy !== null };
  const ok =
    copy !== null
      ? sock.write(copy)
      : sock.write(view, () => {
          flushed.done = true;
          s.writer.wake();
        });
  // All in the kernel, or a copy queued within the high-water mark: done.
  if (sock.writableLength === 0 || (ok && copy !== null)) return;
  let done = false;
  try {
    // Beyond the high-water mark, or the caller's bytes still in Node's hands: wait.
    const blocked = () => (!flushed.done || sock.writableNeedDrain) && s.error === null && !sock.destroyed && !s.closed;
    while (blocked()) yield* s.writer.park("write", blocked);
    done = true;
  } finally {
    if (!done) sock.destroy(); // a cancelled write leaves the stream in an unknown state
  }
  s.check("write");
}

export function* close(x: Closable): Generator<unknown, void, unknown> {
  const r = x.resource;
  if (r !== null) {
    // Owned: disowned first (no scheduling point while a cancelled task unwinds), then closed.
    yield* Ownership.disown(r);
    x.resource = null;
    x.shut();
    return;
  }
  x.shut();
  yield* yield_();
}

export function socketAddress(x: Socket | Listener): Address {
  if (x instanceof Listener) {
    const a = x.server.address();
    return a !== null && typeof a === "object" ? { host: a.address, port: a.port } : { host: "", port: 0 };
  }
  return addressOf(x.sock.localAddress, x.sock.localPort);
}

/** Something that can be closed, as a resource's finaliser closes it. */
export interface Closable {
  resource: Resource<unknown> | null;
  shut(): void;
}

/**
 * `Node.Ownership`: runs `open` with a resource the calling task already owns, so that a
 * cancellation at any point after leaves nothing open: the finaliser closes what `open` made.
 */
export function* owned<T extends Closable>(open: () => Generator<unknown, T, unknown>): Generator<unknown, T, unknown> {
  const box: { x: T | null } = { x: null };
  const r = Ownership.create(box, (b) => b.x?.shut());
  yield* Ownership.own(r);
  let x: T;
  try {
    x = yield* open();
  } catch (e) {
    // Nothing was opened (`open` closes what it made before it throws): the empty resource
    // goes too, or a caller that catches the error (ECONNREFUSED, a closed listener) would
    // return owning it. `disown` is no scheduling point while a cancelled task unwinds.
    yield* Ownership.disown(r);
    throw e;
  }
  box.x = x;
  x.resource = r;
  return x;
}
