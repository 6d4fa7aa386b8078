import { PortfolioSnapshot } from './portfolio-snapshot';
import { TimelinePosition } from './timeline-position';

export { PortfolioSnapshot, TimelinePosition };
