/** Asserts the exact error class (not a subclass or superclass) and the exact message. */
import assert from 'node:assert/strict';

type ErrorClass = new (...args: never[]) => Error;

function check(error: unknown, expected: ErrorClass, message: string): true {
  assert.ok(error instanceof Error, `expected a ${expected.name}, got ${String(error)}`);
  assert.equal(error.constructor, expected, `expected a ${expected.name}, got a ${error.constructor.name}: ${error.message}`);
  assert.equal(error.message, message);
  return true;
}

export function assertThrowsExactly(fn: () => unknown, expected: ErrorClass, message: string): void {
  assert.throws(fn, (error: unknown) => check(error, expected, message));
}

export async function assertRejectsExactly(fn: () => Promise<unknown>, expected: ErrorClass, message: string): Promise<void> {
  await assert.rejects(fn, (error: unknown) => check(error, expected, message));
}
