// README, "Errors": every error Miou raises is an exported class with Miou's printed name.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { ERRORS } from "../../runtime/core/errors.js";

const classes = [
  [Miou.Cancelled, "Miou.Cancelled"],
  [Miou.Still_has_children, "Miou.Still_has_children"],
  [Miou.Not_a_child, "Miou.Not_a_child"],
  [Miou.No_domain_available, "Miou.No_domain_available"],
  [Miou.Resource_leaked, "Miou.Resource_leaked"],
  [Miou.Not_owner, "Miou.Not_owner"],
] as const;

for (const [cls, name] of classes) {
  test(`${name}: extends Error, has its name, prints it, takes a message`, () => {
    const e = new cls("what happened");
    assert.instance(e, Error);
    assert.is(e.name, name);
    assert.ok(String(e).startsWith(`${name}: what happened`));
    assert.ok(new cls().message.length > 10, "a default message says what happened");
  });
}

test("the one list of error classes (core/errors.ts ERRORS) is what miou/gen exports, and each crosses domains as itself", async () => {
  const names = ERRORS.map((cls) => cls.name);
  assert.equal(names, classes.map(([, name]) => name.slice("Miou.".length)));
  // Each thrown on a worker by name, rebuilt on dom0 by the codec from that list.
  const outcomes = await Miou.run(
    function* () {
      return yield* Miou.parallel((name: string) => {
        throw new (Miou as unknown as Record<string, new (m: string) => Error>)[name]!("crossed");
      }, names);
    },
    { domains: 1 },
  );
  outcomes.forEach((r, i) => {
    assert.is(r.ok, false);
    if (!r.ok) {
      assert.instance(r.error, classes[i]![0], names[i]);
      assert.is((r.error as Error).message, "crossed");
    }
  });
});

test.run();
