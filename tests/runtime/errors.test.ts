// api.md §4: every error Miou raises is an exported class with Miou's printed name.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";

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

test.run();
