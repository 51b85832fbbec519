/**
 * Resources that cross between domains, as references: a resource's value and finaliser stay
 * on the domain that made it (`given`), and another domain knows it as a `Stub`, whose
 * finaliser asks the owning domain to run the real one.
 */
import { Resource } from "../core/resource.js";
import type { Run } from "../core/run.js";
import type { Resources } from "./codec.js";
import { post } from "./distribution.js";

/** What this domain of a run keeps about the resources that crossed. */
export interface Crossing {
  /** Resources of this domain that crossed, by uid: their finalisers run here. */
  given: Map<number, Resource<unknown>>;
  /** Other domains' resources as this domain knows them. */
  stubs: Map<string, Resource<unknown>>;
  /** How the codec writes and reads a resource. */
  resources: Resources;
}

const crossings = new WeakMap<Run, Crossing>();

export function crossing(run: Run): Crossing {
  let c = crossings.get(run);
  if (c !== undefined) return c;
  const given = new Map<number, Resource<unknown>>();
  const stubs = new Map<string, Resource<unknown>>();
  const home = () => run.home.uid;
  const resources: Resources = {
    out(r) {
      if (r instanceof Stub) return { uid: r.uid, origin: r.origin };
      given.set(r.uid, r);
      return { uid: r.uid, origin: home() };
    },
    in({ uid, origin }) {
      if (origin === home()) {
        const mine = given.get(uid);
        if (mine !== undefined) return mine;
      }
      const key = `${origin}/${uid}`;
      let r = stubs.get(key);
      if (r === undefined) stubs.set(key, (r = new Stub(uid, origin, run)));
      return r;
    },
  };
  c = { given, stubs, resources };
  crossings.set(run, c);
  return c;
}

/** Another domain's resource: its value stays there, and so does its finaliser. */
export class Stub extends Resource<unknown> {
  constructor(
    uid: number,
    readonly origin: number,
    run: Run,
  ) {
    super(uid, undefined, () => post(run, { t: "finalise", run: run.id, to: origin, uid }), null);
  }
}
