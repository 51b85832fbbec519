/**
 * `miou/node/gen`: Node I/O for tasks (the counterpart of OCaml's Miou_unix), with generator
 * types: `yield* Node.read(s, buf)`. Built on the public suspension API (`syscall`, `suspend`,
 * `wake`) and the default event source only. Seconds, as in Miou.
 *
 * `read`, `write`, `accept` and `recvfrom` complete without a scheduling point when they can
 * complete at once; otherwise they park the task until a socket event.
 */
import { PRIMITIVES, suspending } from "../../core/context.js";
import { isInstance, type Operation } from "../../types.js";
import type { Resource } from "../../gen.js";
import { End_of_file, buffer, range, type Address } from "./common.js";
import { sleep as sleeping } from "./sleep.js";
import * as tcp from "./tcp.js";
import * as udpOps from "./udp.js";
import { Listener, Socket } from "./tcp.js";
import { UdpSocket } from "./udp.js";

export { run } from "../../gen.js";
export { End_of_file, Listener, Socket, UdpSocket };
export type { Address };

/** The ⏸ guard: the call must be compiled (direct style) or used with `yield*` (generator style). */
function op<A extends unknown[], T>(name: string, body: (...args: A) => Generator<unknown, T, unknown>): (...args: A) => Operation<T> {
  const fn = (...args: A) => {
    suspending(name);
    return body(...args);
  };
  PRIMITIVES.add(fn); // given as a task body (`parallel(sleep, xs)`), it runs as the call it stands for
  return fn;
}

function* reallyRead(socket: Socket, buf: Uint8Array, off?: number, len?: number): Generator<unknown, void, unknown> {
  const s = tcp.asSocket("really_read", socket);
  const [o, l] = range("really_read", buffer("really_read", buf).length, off, len);
  let done = 0;
  while (done < l) {
    const n = yield* tcp.read(s, buf, o + done, l - done, "really_read");
    if (n === 0) throw new End_of_file(`Miou.really_read: the stream ended after ${done} of ${l} bytes`);
    done += n;
  }
}

/** ⏸ Parks the task for `seconds`; a cancelled sleep leaves no timer behind. */
export const sleep = op("sleep", sleeping);
/** ⏸ Listens on `port` (0 picks a free one; no `host`: all interfaces). */
export const listen = op("listen", (options: { port: number; host?: string; backlog?: number }) => tcp.listen(options));
/** ⏸ The next connection and its peer's address; at once when one is waiting. */
export const accept = op("accept", tcp.accept);
/** ⏸ Connects to `host:port`; a cancelled connect destroys the socket. */
export const connect = op("connect", (options: { host: string; port: number }) => tcp.connect(options));
/** ⏸ Reads up to `len` bytes into `buf` at `off`: their count, 0 at the end of the stream. */
export const read = op("read", (s: Socket, buf: Uint8Array, off?: number, len?: number) => tcp.read(s, buf, off, len));
/** ⏸ Reads exactly `len` bytes, or throws `End_of_file` if the stream ends first. */
export const really_read = op("really_read", reallyRead);
/**
 * ⏸ Writes `data`: returns when Node took it within the socket's high-water mark, else after
 * `drain`. The caller may reuse its buffer as soon as `write` returns. An error Node reports
 * later is thrown by the next operation on the socket.
 */
export const write = op("write", tcp.write);
/** ⏸ Closes a socket (both directions; what was written is still sent), a listener or a UDP socket. */
export const close = op("close", (x: Socket | Listener | UdpSocket) => {
  if (!isInstance(x, Socket) && !isInstance(x, Listener) && !isInstance(x, UdpSocket))
    throw new TypeError("Miou.close: expected a socket, a listener or a UDP socket");
  return tcp.close(x);
});
/** ⏸ A UDP socket of IPv4 (4) or IPv6 (6). */
export const udp = op("udp", udpOps.udp);
/** ⏸ Binds a UDP socket (port 0 picks a free one). */
export const bind = op("bind", udpOps.bind);
/** ⏸ The next datagram into `buf` (cut to fit) and its sender; queued datagrams (up to 1,024) at once. */
export const recvfrom = op("recvfrom", udpOps.recvfrom);
/** ⏸ Sends one datagram to `to`. */
export const sendto = op("sendto", udpOps.sendto);

/** The local address of a listener, a socket or a UDP socket. */
export function address(x: Listener | Socket | UdpSocket): Address {
  if (isInstance(x, UdpSocket)) return udpOps.udpAddress(x);
  if (isInstance(x, Socket) || isInstance(x, Listener)) return tcp.socketAddress(x);
  throw new TypeError("Miou.address: expected a socket, a listener or a UDP socket");
}

/**
 * The same functions, with the new socket owned by the calling task: its finaliser closes it if
 * the task dies still owning it. `close` of an owned socket disowns it first.
 */
export const Ownership = Object.freeze({
  listen: op("Ownership.listen", (options: { port: number; host?: string; backlog?: number }) => tcp.owned(() => tcp.listen(options, "Ownership.listen"))),
  connect: op("Ownership.connect", (options: { host: string; port: number }) => tcp.owned(() => tcp.connect(options, "Ownership.connect"))),
  udp: op("Ownership.udp", (family: 4 | 6) => tcp.owned(() => udpOps.udp(family))),
  accept: op("Ownership.accept", function* (l: Listener): Generator<unknown, [Socket, Address], unknown> {
    let peer: Address | null = null;
    const s = yield* tcp.owned(function* () {
      const [client, from] = yield* tcp.accept(l);
      peer = from;
      return client;
    });
    return [s, peer!];
  }),
  /**
   * The resource behind a socket made by these functions, to `give` it to a child or `transfer`
   * it to the parent (Miou_unix's `Ownership.resource`). A `TypeError` once it is closed, or for
   * a socket made without `Ownership`.
   */
  resource(x: Socket | Listener | UdpSocket): Resource<unknown> {
    if (!isInstance(x, Socket) && !isInstance(x, Listener) && !isInstance(x, UdpSocket))
      throw new TypeError("Miou.Ownership.resource: expected a socket, a listener or a UDP socket");
    if (x.resource === null)
      throw new TypeError("Miou.Ownership.resource: this socket has no resource: it was not made by Node.Ownership, or it is closed");
    return x.resource;
  },
});
