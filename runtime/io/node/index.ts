/**
 * `miou/node`: Node I/O for tasks, with **direct-style** types (`Node.read(s, buf): number`); the
 * transformer compiles the calls. The very function objects of `miou/node/gen`.
 *
 * @example
 * ```ts
 * import * as Miou from "miou";
 * import * as Node from "miou/node";
 *
 * await Node.run(() => {
 *   const s = Node.connect({ host: "127.0.0.1", port: 9000 });
 *   Node.write(s, "hello");
 *   const buf = new Uint8Array(5);
 *   Node.really_read(s, buf);
 *   Node.close(s);
 * });
 * ```
 */
import * as gen from "./gen.js";
import type { Accepting, Suspending } from "../../brand.js";
import type { RunOptions } from "../../core/main-run.js";
import type { Resource } from "../../gen.js";
import type { Address, Listener, Socket, UdpSocket } from "./gen.js";

export { End_of_file, Listener, Socket, UdpSocket, address } from "./gen.js";
export type { Address } from "./gen.js";

/** `Miou.run` itself. */
export const run = gen.run as unknown as Accepting<<T>(main: () => T, options?: RunOptions) => globalThis.Promise<T>>;
/** ⏸ Parks the task for `seconds`. */
export const sleep = gen.sleep as unknown as Suspending<(seconds: number) => void>;
/** ⏸ Listens on `port` (0 picks a free one; no `host`: all interfaces). */
export const listen = gen.listen as unknown as Suspending<(options: { port: number; host?: string; backlog?: number }) => Listener>;
/** ⏸ The next connection and its peer's address. */
export const accept = gen.accept as unknown as Suspending<(l: Listener) => [Socket, Address]>;
/** ⏸ Connects to `host:port`. */
export const connect = gen.connect as unknown as Suspending<(options: { host: string; port: number }) => Socket>;
/** ⏸ Reads up to `len` bytes: their count, 0 at the end of the stream. */
export const read = gen.read as unknown as Suspending<(s: Socket, buf: Uint8Array, off?: number, len?: number) => number>;
/** ⏸ Reads exactly `len` bytes, or throws `End_of_file`. */
export const really_read = gen.really_read as unknown as Suspending<(s: Socket, buf: Uint8Array, off?: number, len?: number) => void>;
/** ⏸ Writes `data`, waiting for `drain` beyond the high-water mark; `data` can be reused once it returns. */
export const write = gen.write as unknown as Suspending<(s: Socket, data: string | Uint8Array, off?: number, len?: number) => void>;
/** ⏸ Closes a socket, a listener or a UDP socket. */
export const close = gen.close as unknown as Suspending<(x: Socket | Listener | UdpSocket) => void>;
/** ⏸ A UDP socket of IPv4 (4) or IPv6 (6). */
export const udp = gen.udp as unknown as Suspending<(family: 4 | 6) => UdpSocket>;
/** ⏸ Binds a UDP socket. */
export const bind = gen.bind as unknown as Suspending<(s: UdpSocket, at: { port: number; host?: string }) => void>;
/** ⏸ The next datagram and its sender. */
export const recvfrom = gen.recvfrom as unknown as Suspending<(s: UdpSocket, buf: Uint8Array, off?: number, len?: number) => [number, Address]>;
/** ⏸ Sends one datagram. */
export const sendto = gen.sendto as unknown as Suspending<(s: UdpSocket, data: string | Uint8Array, to: Address) => void>;

/** The same, with the socket owned by the calling task (closed by its finaliser). */
export const Ownership: {
  listen: Suspending<(options: { port: number; host?: string; backlog?: number }) => Listener>;
  accept: Suspending<(l: Listener) => [Socket, Address]>;
  connect: Suspending<(options: { host: string; port: number }) => Socket>;
  udp: Suspending<(family: 4 | 6) => UdpSocket>;
  /** The resource of an owned socket, to `give` it to a child or `transfer` it to the parent. */
  resource(x: Socket | Listener | UdpSocket): Resource<unknown>;
} = gen.Ownership as never;
