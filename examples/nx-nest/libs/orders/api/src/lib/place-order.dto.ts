export class PlaceOrderDto {
  customerId!: string;
  currency?: string;
  lines!: { sku: string; quantity: number; unitPriceCents: number }[];
}
