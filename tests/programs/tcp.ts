// A TCP server and client in direct style with miou/node: the server echoes one client per task,
// cleaned with orphans; the client sends lines and reads them back.
import * as Miou from "miou";
import * as Node from "miou/node";

function handle(socket: Node.Socket): number {
  const buf = new Uint8Array(64);
  let total = 0;
  for (;;) {
    const n = Node.read(socket, buf);
    if (n === 0) break;
    Node.write(socket, buf, 0, n);
    total += n;
  }
  Node.close(socket);
  return total;
}

function serve(listener: Node.Listener, clients: number): number[] {
  const handlers = Miou.orphans<number>();
  const served: number[] = [];
  for (let i = 0; i < clients; i++) {
    const [socket] = Node.accept(listener);
    Miou.async(() => handle(socket), { orphans: handlers });
  }
  for (let p = Miou.care(handlers); p !== undefined; p = Miou.care(handlers)) {
    if (p === "pending") Miou.yield_();
    else served.push(Miou.await_exn(p));
  }
  return served.sort((a, b) => a - b);
}

function client(port: number, text: string): string {
  const s = Node.connect({ host: "127.0.0.1", port });
  Node.write(s, text);
  const back = new Uint8Array(text.length);
  Node.really_read(s, back);
  Node.close(s);
  return new TextDecoder().decode(back);
}

Node.run(() => {
  const listener = Node.listen({ port: 0, host: "127.0.0.1" });
  const port = Node.address(listener).port;
  const server = Miou.async(() => serve(listener, 3));
  const replies = ["one", "three", "fives"].map((text) => Miou.async(() => client(port, text)));
  const echoed = Miou.await_all(replies).map((r) => (r.ok ? r.value : String(r.error)));
  const served = Miou.await_exn(server);
  Node.close(listener);
  return { echoed, served };
}).then((v) => console.log(JSON.stringify(v)));
