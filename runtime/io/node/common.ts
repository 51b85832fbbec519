/** What the Node I/O functions share: argument checks, ranges, and the End_of_file error. */
import { registerError } from "../../domains/codec.js";

/** `really_read` reached the end of the stream before it had all the bytes it wanted. */
export class End_of_file extends Error {
  constructor(message = "the stream ended before the bytes asked for arrived") {
    super(message);
  }
}
Object.defineProperty(End_of_file.prototype, "name", { value: "Miou.End_of_file", writable: true, configurable: true });
registerError("Miou.End_of_file", End_of_file);

/** Where a peer is: the host as Node prints it, and the port. */
export type Address = { host: string; port: number };

/** `[off, off + len)` within `length`, with Miou's defaults, or a RangeError naming `fn`. */
export function range(fn: string, length: number, off: number | undefined, len: number | undefined): [number, number] {
  const o = off ?? 0;
  const l = len ?? length - o;
  if (!Number.isInteger(o) || !Number.isInteger(l) || o < 0 || l < 0 || o + l > length)
    throw new RangeError(`Miou.${fn}: off ${String(off)} and len ${String(len)} do not fit a buffer of ${length} bytes`);
  return [o, l];
}

export function bytes(fn: string, data: unknown): Uint8Array {
  if (typeof data === "string") return Buffer.from(data);
  if (data instanceof Uint8Array) return data;
  throw new TypeError(`Miou.${fn}: expected a string or a Uint8Array`);
}

export function buffer(fn: string, buf: unknown): Uint8Array {
  if (buf instanceof Uint8Array) return buf;
  throw new TypeError(`Miou.${fn}: expected a Uint8Array to read into`);
}

export function port(fn: string, p: unknown): number {
  if (!Number.isInteger(p) || (p as number) < 0 || (p as number) > 65535)
    throw new RangeError(`Miou.${fn}: port must be an integer from 0 to 65535, not ${String(p)}`);
  return p as number;
}

/** An error of ours about a socket, with a `code` like Node's own. */
export function socketError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}
