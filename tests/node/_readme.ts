// The README's miou/node snippet, run by readme.test.ts with `miou run`.
import * as Miou from "miou";
import * as Node from "miou/node";

const reply = await Node.run(() => {
  const l = Node.Ownership.listen({ host: "127.0.0.1", port: 0 }); // port 0: a free one
  const server = Miou.async(() => {
    const [client] = Node.Ownership.accept(l); // owned: closed for us if this task fails
    const buf = new Uint8Array(4096);
    for (let n = Node.read(client, buf); n > 0; n = Node.read(client, buf)) Node.write(client, buf, 0, n);
    Node.close(client);
  });
  const s = Node.connect({ host: "127.0.0.1", port: Node.address(l).port });
  Node.write(s, "hello");
  const got = new Uint8Array(5);
  Node.really_read(s, got); // exactly 5 bytes, or End_of_file
  Node.close(s);
  Miou.await_exn(server);
  Node.close(l);
  return new TextDecoder().decode(got);
});
console.log(reply); // hello
