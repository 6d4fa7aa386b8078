export interface DataProviderHistoricalResponse {
  marketPrice: number;
}
