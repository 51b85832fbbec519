/**
 * Frames: the generator objects a task's code is made of (native ones, or ones TypeScript lowered
 * to ES5), and how the runtime tells them apart without `GeneratorFunction` or
 * `Symbol.toStringTag` (the ES5 lowering provides neither).
 */

/** A generator object (native, or lowered by TypeScript to ES5): a frame of a task. */
export type Frame = Iterator<unknown, unknown, unknown> & { throw(e: unknown): IteratorResult<unknown, unknown> };

export function isFrame(value: unknown): value is Frame {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as Frame).next === "function" &&
    typeof (value as Frame).throw === "function"
  );
}

/**
 * The generator objects of native generator functions are `instanceof NativeGenerator`: their
 * prototype chain holds %GeneratorPrototype%. An instanceof check walks hidden classes (a few
 * nanoseconds), where `isFrame` and `opCopy` look up properties that vary with every generator
 * function (several times more); a frame lowered to ES5 still takes that slower path.
 */
function NativeGenerator(): void {}
NativeGenerator.prototype = Object.getPrototypeOf(function* () {}.prototype) as object;

export function isNativeGenerator(value: unknown): value is Frame {
  return value instanceof NativeGenerator;
}

/** `isFrame`, false for a value that refuses inspection (a body or a hook may return anything). */
export function isFrameSafe(r: unknown): r is Frame {
  try {
    return isFrame(r);
  } catch {
    return false;
  }
}
