/**
 * A FIFO of parked waiters (of a mutex, a condition, a lazy value) that a cancelled waiter
 * leaves in O(1): cancelling n waiters one by one costs O(n), where searching a queue for each
 * would cost O(n²) (40,000 waiters on one mutex froze the event loop for seconds).
 *
 * Intrusive: each waiter carries its own links, so joining costs no allocation. Invariant: a
 * waiter is in at most one list at a time, and its links are null while it is in none.
 */
export interface Linked<T> {
  /** The waiter that came just before it, and the one just after (not `next`: ops are iterators). */
  ahead: T | null;
  behind: T | null;
}

/**
 * Links touched by every wait list (push, shift, remove): a cost counter for the reliability
 * suite, which checks that cancelling n waiters costs O(n). Off the hot path: only parked
 * waiters go through here.
 */
export const waitListWork = { links: 0 };

export class WaitList<T extends Linked<T>> {
  private head: T | null = null;
  private tail: T | null = null;

  push(w: T): void {
    waitListWork.links += 1;
    w.ahead = this.tail;
    w.behind = null;
    if (this.tail === null) this.head = w;
    else this.tail.behind = w;
    this.tail = w;
  }

  /** The waiter that came first, taken out; undefined when empty. */
  shift(): T | undefined {
    const w = this.head;
    if (w === null) return undefined;
    this.remove(w);
    return w;
  }

  /** Takes `w` out; `w` is in this list or in none (then it returns false). */
  remove(w: T): boolean {
    waitListWork.links += 1;
    const { ahead: prev, behind: next } = w;
    if (prev === null && this.head !== w) return false;
    if (prev === null) this.head = next;
    else prev.behind = next;
    if (next === null) this.tail = prev;
    else next.ahead = prev;
    w.ahead = w.behind = null;
    return true;
  }
}
