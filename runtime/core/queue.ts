/**
 * A FIFO ring buffer. The run queue is the hottest structure of the scheduler: push and shift
 * are O(1) with no allocation once the buffer has grown to the working size.
 */
export class Queue<T> {
  private items: (T | undefined)[] = new Array(16);
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    const items = this.items;
    if (this.count === items.length) {
      this.grow();
      this.items[(this.head + this.count) & (this.items.length - 1)] = item;
    } else {
      items[(this.head + this.count) & (items.length - 1)] = item;
    }
    this.count += 1;
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const items = this.items;
    const item = items[this.head];
    items[this.head] = undefined;
    this.head = (this.head + 1) & (items.length - 1);
    this.count -= 1;
    return item;
  }

  private grow(): void {
    const old = this.items;
    const next: (T | undefined)[] = new Array(old.length * 2);
    for (let i = 0; i < this.count; i++) next[i] = old[(this.head + i) & (old.length - 1)];
    this.items = next;
    this.head = 0;
  }
}
