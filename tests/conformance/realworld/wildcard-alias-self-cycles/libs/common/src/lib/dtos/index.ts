import { UpdateBulkMarketDataDto } from './update-bulk-market-data.dto';
import { UpdateMarketDataDto } from './update-market-data.dto';

export { UpdateBulkMarketDataDto, UpdateMarketDataDto };
