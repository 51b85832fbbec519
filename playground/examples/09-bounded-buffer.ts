// Title: Mutex, Condition: a bounded buffer
// Expect: result: 15
// A producer and a consumer share a buffer of 2 slots. The producer waits
// while it is full, the consumer while it is empty: Condition.wait unlocks
// the mutex, waits for a signal, locks again.
import * as Miou from "miou";

await Miou.run(() => {
  const m = Miou.Mutex.create();
  const notFull = Miou.Condition.create();
  const notEmpty = Miou.Condition.create();
  const buffer: number[] = [];
  const CAPACITY = 2;

  const producer = Miou.async(() => {
    for (let i = 1; i <= 5; i++) {
      Miou.Mutex.protect(m, () => {
        while (buffer.length === CAPACITY) Miou.Condition.wait(notFull, m);
        buffer.push(i);
        console.log(`put ${i} (${buffer.length} in the buffer)`);
        Miou.Condition.signal(notEmpty);
      });
    }
  });
  const consumer = Miou.async(() => {
    let sum = 0;
    for (let n = 0; n < 5; n++) {
      Miou.Mutex.protect(m, () => {
        while (buffer.length === 0) Miou.Condition.wait(notEmpty, m);
        const x = buffer.shift()!;
        console.log(`took ${x}`);
        sum += x;
        Miou.Condition.signal(notFull);
      });
    }
    return sum;
  });
  Miou.await_exn(producer);
  return Miou.await_exn(consumer);
});
