/**
 * Connecting with a timeout, happy-eyeballs style: `Miou.await_first` races connection attempts
 * and a timer.
 *
 *     npx miou run examples/connect-timeout.ts                        # example.com, .net and .org on port 80
 *     npx miou run examples/connect-timeout.ts --timeout=1 127.0.0.1:8080 [::1]:8080
 *
 * Options: `--timeout=SECONDS` (default 2) and `--delay=SECONDS` between the starts of two
 * attempts (default 0.25, as RFC 8305 recommends).
 *
 * Attempt i waits i × delay, then connects, so a slow address does not hold up the next ones while
 * it is still trying. The first connection wins; `await_first` cancels the other tasks, and a
 * cancelled connect destroys its socket. A failed attempt leaves the race without ending it;
 * when the last one fails, the race ends with an error. The timer ends it with `Timeout`.
 */
import * as Miou from "miou";
import * as Node from "miou/node";

type Address = { host: string; port: number };
type Connection = { address: Address; socket: Node.Socket };

/** The timer task's error: nobody connected in time. */
class Timeout extends Error {}

/** `host:port`, or `[v6 address]:port`. */
function parse(text: string): Address {
  const colon = text.lastIndexOf(":");
  const port = Number(text.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port)) throw new RangeError(`expected host:port, not ${text}`);
  return { host: text.slice(0, colon).replace(/^\[(.*)\]$/, "$1"), port };
}

const show = (a: Address) => (a.host.includes(":") ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`);

/** Parks the task until it is cancelled: nothing ever signals this syscall. */
function withdraw(): never {
  Miou.suspend(Miou.syscall("withdrawn"));
  throw new Error("a withdrawn attempt was woken up");
}

/** Connects to one of `addresses`, or throws `Timeout` after `timeout` seconds. */
function connect(addresses: Address[], delay: number, timeout: number): Connection {
  let failed = 0;
  // Two attempts may both connect before `await_first` looks: it keeps one and discards the
  // other's result. Every socket opened is noted here, so that the losers' are closed.
  const opened: Node.Socket[] = [];

  const attempts = addresses.map((address, i) =>
    Miou.async((): Connection => {
      Node.sleep(delay * i); // a staggered start
      console.log(`trying ${show(address)}`);
      let socket: Node.Socket;
      try {
        socket = Node.connect(address);
      } catch (e) {
        if (e instanceof Miou.Cancelled) {
          console.log(`gave up on ${show(address)}`); // the socket is already destroyed
          throw e;
        }
        console.log(`${show(address)}: ${(e as { code?: string }).code ?? String(e)}`);
        failed += 1;
        if (failed === addresses.length) throw new Error("every address failed");
        return withdraw(); // out of the race: a failure must not win it
      }
      opened.push(socket);
      return { address, socket };
    }),
  );
  const timer = Miou.async((): Connection => {
    Node.sleep(timeout);
    throw new Timeout(`no connection within ${timeout} s`);
  });

  const r = Miou.await_first([...attempts, timer]); // the losers are cancelled
  for (const s of opened) if (!r.ok || s !== r.value.socket) Node.close(s);
  if (!r.ok) throw r.error;
  return r.value;
}

/** `--name=value` from the command line, or `fallback`. */
function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg === undefined ? fallback : Number(arg.slice(name.length + 3));
  if (!(value >= 0)) throw new RangeError(`--${name} expects a number of seconds`);
  return value;
}

const given = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const addresses = (given.length > 0 ? given : ["example.com:80", "example.net:80", "example.org:80"]).map(parse);
const delay = option("delay", 0.25);
const timeout = option("timeout", 2);

await Node.run(() => {
  try {
    const { address, socket } = connect(addresses, delay, timeout);
    console.log(`connected to ${show(address)}`);
    Node.close(socket);
  } catch (e) {
    if (e instanceof Timeout) console.log(`timed out: ${e.message}`);
    else console.log(`failed: ${(e as Error).message}`);
    process.exitCode = 1;
  }
});
