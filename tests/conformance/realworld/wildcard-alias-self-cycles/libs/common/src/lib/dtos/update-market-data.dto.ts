export class UpdateMarketDataDto {
  marketPrice: number;
}
