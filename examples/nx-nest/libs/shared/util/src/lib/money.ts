import { invariant } from './invariant';

/** An amount of money in minor units (cents), tied to one currency. */
export class Money {
  private constructor(
    readonly cents: number,
    readonly currency: string,
  ) {}

  static of(cents: number, currency = 'EUR'): Money {
    invariant(Number.isInteger(cents), 'money is kept in whole cents');
    return new Money(cents, currency);
  }

  static zero(currency = 'EUR'): Money {
    return new Money(0, currency);
  }

  add(other: Money): Money {
    invariant(other.currency === this.currency, `cannot add ${other.currency} to ${this.currency}`);
    return new Money(this.cents + other.cents, this.currency);
  }

  times(factor: number): Money {
    return Money.of(Math.round(this.cents * factor), this.currency);
  }

  toString(): string {
    return `${(this.cents / 100).toFixed(2)} ${this.currency}`;
  }
}
