import { RequiresScope } from '@ghostfolio/api/decorators/requires-scope.decorator';
import { UpdateBulkMarketDataDto } from '@ghostfolio/common/dtos';
import { PortfolioSnapshot } from '@ghostfolio/common/models';

export class MarketDataController {
  @RequiresScope('marketData:write')
  public updateMarketData(data: UpdateBulkMarketDataDto): PortfolioSnapshot | undefined {
    return data.marketData.length ? undefined : undefined;
  }
}
