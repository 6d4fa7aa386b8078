import { Money, invariant } from '@acme/shared-util';

export class OrderLine {
  constructor(
    readonly sku: string,
    readonly quantity: number,
    readonly unitPrice: Money,
  ) {
    invariant(quantity > 0, `quantity of ${sku} must be positive`);
  }

  get total(): Money {
    return this.unitPrice.times(this.quantity);
  }
}
