export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation';
}

/** Throws when a business rule does not hold. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new InvariantViolation(message);
  }
}
