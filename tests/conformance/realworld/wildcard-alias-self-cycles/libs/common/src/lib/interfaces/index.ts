import type { DataProviderHistoricalResponse } from './data-provider-historical-response.interface';
import type { HistoricalResponse } from './responses/historical-response.interface';

export { DataProviderHistoricalResponse, HistoricalResponse };
