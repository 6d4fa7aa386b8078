import { HistoricalResponse } from '@ghostfolio/common/interfaces';
import { TimelinePosition } from '@ghostfolio/common/models';

import { Type } from 'class-transformer';

export class PortfolioSnapshot {
  historicalData: HistoricalResponse['historicalData'];

  @Type(() => TimelinePosition)
  positions: TimelinePosition[];
}
