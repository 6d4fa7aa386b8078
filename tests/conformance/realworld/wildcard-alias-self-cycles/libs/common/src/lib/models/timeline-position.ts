export class TimelinePosition {
  activitiesCount: number;
}
