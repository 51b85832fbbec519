/**
 * An echo server: every client gets back exactly the bytes it sends. Miou's echo tutorial.
 *
 *     npx miou run examples/echo.ts [port]      (default 9000; 0 picks a free port)
 *
 * One task per client, kept in an `orphans` collector that the accept loop cleans at each round.
 * Ctrl-C (SIGINT) stops the server gracefully: it stops accepting, lets the connected clients
 * finish, and exits. A second Ctrl-C kills it at once.
 *
 * With MIOU_ECHO_REPORT=1 it prints on stderr what still keeps Node running once the server is
 * done (`process.getActiveResourcesInfo()`): nothing of the server is left.
 */
import * as Miou from "miou";
import * as Node from "miou/node";

const port = Number(process.argv[2] ?? 9000);

/**
 * Ctrl-C as the tasks see it: a flag, and a condition broadcast when it turns true. Each round
 * of the accept loop waits on the condition, which a cancelled wait leaves at once.
 */
interface Stop {
  requested: boolean;
  mutex: Miou.Mutex;
  changed: Miou.Condition;
}

/** What the stop task throws: an error, so that a client accepted at the same moment wins. */
class Stopped extends Error {}

/** Waits for the first Ctrl-C, then tells every task waiting for it. */
function watch_ctrl_c(stop: Stop): void {
  Miou.await_promise(new Promise((resolve) => process.once("SIGINT", resolve)));
  Miou.Mutex.protect(stop.mutex, () => {
    stop.requested = true;
    Miou.Condition.broadcast(stop.changed);
  });
}

/** Parks until Ctrl-C, then throws `Stopped`; a cancelled wait leaves nothing behind. */
function wait_for_stop(stop: Stop): never {
  Miou.Mutex.protect(stop.mutex, () => {
    while (!stop.requested) Miou.Condition.wait(stop.changed, stop.mutex);
  });
  throw new Stopped();
}

/** Sends back what the client sends until it closes its side, then closes the socket. */
function echo(client: Node.Socket): void {
  const buf = new Uint8Array(64 * 1024);
  for (;;) {
    const n = Node.read(client, buf); // parks until bytes arrive; 0 at the end of the stream
    if (n === 0) break;
    Node.write(client, buf, 0, n); // returns once Node took the bytes: `buf` can be reused
  }
  Node.close(client);
}

function report(r: Miou.Result<void>): void {
  if (!r.ok) console.error(`a client failed: ${(r.error as Error).message}`);
}

/** Awaits every handler that has finished, so none is forgotten. */
function clean_up(handlers: Miou.Orphans<void>): void {
  for (let p = Miou.care(handlers); p !== undefined && p !== "pending"; p = Miou.care(handlers)) report(Miou.await_(p));
}

/** The next client, owned by the calling task, or `undefined` once Ctrl-C was pressed. */
function accept_or_stop(l: Node.Listener, stop: Stop): Node.Socket | undefined {
  const accept = Miou.async(() => {
    const [client] = Node.Ownership.accept(l);
    Miou.Ownership.transfer(Node.Ownership.resource(client)); // hand the client up to the loop
    return client;
  });
  // The loser is cancelled: a cancelled accept leaves the listener as it was (and closes a
  // client it had already accepted), a cancelled wait leaves the condition's queue.
  const r = Miou.await_first([accept, Miou.async(() => wait_for_stop(stop))]);
  if (r.ok) return r.value;
  if (r.error instanceof Stopped) return undefined;
  throw r.error;
}

function server(l: Node.Listener): void {
  const stop: Stop = { requested: false, mutex: Miou.Mutex.create(), changed: Miou.Condition.create() };
  const ctrl_c = Miou.async(() => watch_ctrl_c(stop));
  const handlers = Miou.orphans<void>();
  for (;;) {
    clean_up(handlers);
    const client = accept_or_stop(l, stop);
    if (client === undefined) break;
    // One task per client, which owns its socket: if it fails, the socket is closed for it.
    Miou.async(() => echo(client), { orphans: handlers, give: [Node.Ownership.resource(client)] });
  }
  Node.close(l); // no new clients; the connected ones keep their sockets
  for (let r = Miou.get(handlers); r !== undefined; r = Miou.get(handlers)) report(r); // let them finish
  Miou.await_exn(ctrl_c);
}

await Miou.run(() => {
  const l = Node.Ownership.listen({ host: "127.0.0.1", port });
  console.log(`listening on 127.0.0.1:${Node.address(l).port}`);
  server(l);
});

// Closed sockets finish closing at the event loop's next turn: look after it, leaving out the
// timer that looks.
if (process.env.MIOU_ECHO_REPORT === "1")
  setTimeout(() => {
    const left = process.getActiveResourcesInfo();
    const self = left.indexOf("Timeout");
    if (self >= 0) left.splice(self, 1);
    console.error(`active resources: ${JSON.stringify(left)}`);
  }, 0);
