/** Rule 7's counterpart for the synchronisation values: a `Mutex`, `Condition` or `Lazy` belongs to one domain. */
import type { DomainPort } from "../core/run.js";

/**
 * Mutex, Condition and Lazy are local to their domain: their waiters are woken through that
 * domain's queue, which no other domain may touch.
 */
export function local(what: { readonly domain: DomainPort }, here: DomainPort, fn: string, kind: string): void {
  const d = what.domain;
  if (d === here) return;
  const where = d.run === here.run ? `domain ${d.uid}` : `domain ${d.uid} of another Miou.run`;
  throw new TypeError(
    `Miou.${fn}: this ${kind} was created on ${where}, and a ${kind} is local to the domain that created it; ` +
      `create one on the domain that uses it (this is domain ${here.uid})`,
  );
}
