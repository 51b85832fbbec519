/** Tasks parked on a socket until its next event: what TCP and UDP share. */
import { suspend, syscall, wake, type Syscall } from "../../gen.js";

/** The tasks parked on one side of a socket; an event wakes them all, and each looks again. */
export class Waiting {
  private readonly parked = new Set<Syscall>();
  wake(): void {
    for (const s of this.parked) wake(s);
    this.parked.clear();
  }
  /**
   * Parks the task until the next `wake`, unless `blocked` turned false while the syscall was
   * made (an event may come in at that scheduling point). A cancellation unwinds through here
   * and forgets the wait.
   */
  *park(name: string, blocked: () => boolean): Generator<unknown, void, unknown> {
    const s = yield* syscall(name);
    if (!blocked()) return;
    this.parked.add(s);
    try {
      yield* suspend(s);
    } finally {
      this.parked.delete(s);
    }
  }
}
