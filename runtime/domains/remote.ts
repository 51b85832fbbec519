import { Op } from "../core/protocol.js";
import { No_domain_available } from "../core/errors.js";
export class CallOp extends Op {
  constructor(readonly fn: Function, readonly options: unknown) { super(); }
  get label(): string { return "call"; }
  perform(): unknown { throw new No_domain_available(); }
}
export class ParallelOp extends Op {
  constructor(readonly fn: Function, readonly xs: readonly unknown[]) { super(); }
  get label(): string { return "parallel"; }
  perform(): unknown { throw new No_domain_available(); }
}
