import { Activity } from '@ghostfolio/common/interfaces';
import { PerformanceCalculationType } from '@ghostfolio/common/types/performance-calculation-type.type';

export function createCalculator(activities: Activity[], calculationType: PerformanceCalculationType) {
  return { activities, calculationType };
}
