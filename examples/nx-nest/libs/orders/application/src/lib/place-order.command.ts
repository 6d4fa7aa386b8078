export interface PlaceOrderLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

export class PlaceOrderCommand {
  constructor(
    readonly customerId: string,
    readonly currency: string,
    readonly lines: PlaceOrderLine[],
  ) {}
}
