export enum OrderStatus {
  Placed = 'placed',
  Paid = 'paid',
  Cancelled = 'cancelled',
}
