// Where the page is not cross-origin isolated (a host that cannot send COOP/COEP), it says that
// worker domains are unavailable, forces Domains to 0, and everything else still runs; worker
// domains log to the page's Console from their own threads where they are available.
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { AddressInfo } from "node:net";
import { staticSite } from "../../playground/static-server.js";
import { runProgram, setProgram, SITE, usePlayground } from "./support.js";

const pg = usePlayground();
test.after(() => pg.release());

test("without COOP and COEP: a notice, Domains 0, programs still run, and parallel says there is no domain", async () => {
  await pg.origin(); // the site is built
  const plain = staticSite(SITE, { isolation: false });
  await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
  try {
    const page = await pg.open("", `http://127.0.0.1:${(plain.address() as AddressInfo).port}`);
    assert.is(await page.raw.evaluate("crossOriginIsolated"), false);
    const notice = page.raw.getByText(/Worker domains are unavailable/);
    assert.ok(await notice.isVisible());
    const domains = page.raw.getByRole("spinbutton", { name: "Domains" });
    assert.is(await domains.inputValue(), "0");
    assert.ok(await domains.isDisabled());
    assert.match(await runProgram(page), /^hello from the main task\nthe run returned 42\nresult: 42\n/);
    await page.raw.getByRole("combobox", { name: "Examples" }).selectOption("parallel");
    assert.match(await runProgram(page), /^error: Miou\.No_domain_available/);
    await page.close();
  } finally {
    plain.closeAllConnections();
    plain.close();
  }
});

test("console.log on a worker domain reaches the Console, marked with its domain", async () => {
  const page = await pg.open();
  await setProgram(
    page,
    `import * as Miou from "miou";
await Miou.run(() => {
  const p = Miou.call(() => { console.log("hello from", Miou.Domain.self()); return 1; }, { pin: 2 });
  return Miou.await_exn(p);
});`,
  );
  await page.raw.getByRole("spinbutton", { name: "Domains" }).fill("2");
  const out = await runProgram(page);
  assert.ok(out.split("\n").includes("[domain 2] hello from 2"), out);
  assert.match(out, /result: 1\n/);
  await page.close();
});

test.run();
