import { randomUUID } from 'node:crypto';

/** A string id that cannot be mixed up with the id of another aggregate. */
export type Id<Brand extends string> = string & { readonly __brand: Brand };

export function newId<Brand extends string>(): Id<Brand> {
  return randomUUID() as Id<Brand>;
}
