/** UDP over Node's `dgram`, on the public suspension API alone (see tcp.ts). */
import * as dgram from "node:dgram";
import { bytes, buffer, port, range, socketError, type Address } from "./common.js";
import { yield_, type Resource } from "../../gen.js";
import { Waiting } from "./waiting.js";
import { isInstance } from "../../types.js";

/** Datagrams kept for `recvfrom` while no task waits; beyond it they are dropped. */
const QUEUE = 1024;

/** A UDP socket (opaque). */
export class UdpSocket {
  /** @internal */ readonly sock: dgram.Socket;
  /** @internal */ readonly queue: [Buffer, Address][] = [];
  /** @internal */ error: Error | null = null;
  /** @internal */ closed = false;
  /** @internal */ bound = false;
  /** @internal */ readonly waiting = new Waiting();
  /** @internal */ resource: Resource<unknown> | null = null;

  constructor(sock: dgram.Socket) {
    this.sock = sock;
    sock.on("message", (msg, rinfo) => {
      if (this.queue.length < QUEUE) this.queue.push([msg, { host: rinfo.address, port: rinfo.port }]);
      this.waiting.wake();
    });
    sock.on("listening", () => {
      this.bound = true;
      this.waiting.wake();
    });
    sock.on("error", (e) => {
      this.error ??= e;
      this.waiting.wake();
    });
  }

  /** @internal */
  check(fn: string): void {
    if (this.closed) throw socketError(`Miou.${fn}: the socket is closed`, "ERR_SOCKET_CLOSED");
    const e = this.error;
    if (e !== null) {
      this.error = null;
      throw e;
    }
  }

  /** @internal */
  shut(): void {
    if (this.closed) return;
    this.closed = true;
    this.sock.close();
    this.waiting.wake(); // tasks parked on the socket look again, and find it closed
  }
}

function asUdp(fn: string, s: unknown): UdpSocket {
  if (isInstance(s, UdpSocket)) return s;
  throw new TypeError(`Miou.${fn}: expected a UDP socket from Node.udp`);
}

export function* udp(family: 4 | 6): Generator<unknown, UdpSocket, unknown> {
  if (family !== 4 && family !== 6) throw new RangeError(`Miou.udp: family must be 4 or 6, not ${String(family)}`);
  yield* yield_();
  return new UdpSocket(dgram.createSocket({ type: family === 6 ? "udp6" : "udp4" }));
}

export function* bind(socket: UdpSocket, at: { port: number; host?: string }): Generator<unknown, void, unknown> {
  const s = asUdp("bind", socket);
  const p = port("bind", at?.port);
  s.check("bind");
  s.sock.bind(p, at.host);
  const blocked = () => !s.bound && s.error === null && !s.closed;
  while (blocked()) yield* s.waiting.park("bind", blocked);
  s.check("bind");
}

export function* recvfrom(socket: UdpSocket, buf: Uint8Array, off?: number, len?: number): Generator<unknown, [number, Address], unknown> {
  const s = asUdp("recvfrom", socket);
  const target = buffer("recvfrom", buf);
  const [o, l] = range("recvfrom", target.length, off, len);
  const blocked = () => s.queue.length === 0 && s.error === null && !s.closed;
  for (;;) {
    s.check("recvfrom");
    const next = s.queue.shift();
    if (next !== undefined) {
      const [msg, from] = next;
      const n = Math.min(l, msg.length); // a datagram longer than the room is cut, as recvfrom(2) does
      target.set(msg.subarray(0, n), o);
      return [n, from];
    }
    yield* s.waiting.park("recvfrom", blocked);
  }
}

export function* sendto(socket: UdpSocket, data: string | Uint8Array, to: Address): Generator<unknown, void, unknown> {
  const s = asUdp("sendto", socket);
  const all = bytes("sendto", data);
  const p = port("sendto", to?.port);
  s.check("sendto");
  const sent: { done: boolean; error: Error | null } = { done: false, error: null };
  s.sock.send(all, p, to.host, (error) => {
    sent.done = true;
    sent.error = error ?? null;
    s.waiting.wake();
  });
  const blocked = () => !sent.done && !s.closed;
  while (blocked()) yield* s.waiting.park("sendto", blocked);
  if (!sent.done) s.check("sendto");
  if (sent.error !== null) throw sent.error;
}

export function udpAddress(s: UdpSocket): Address {
  const a = s.sock.address();
  return { host: a.address, port: a.port };
}
