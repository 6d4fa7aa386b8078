export enum PerformanceCalculationType {
  MWR = 'MWR', // Money-Weighted Rate of Return
  ROAI = 'ROAI', // Return on Average Investment
  ROI = 'ROI', // Return on Investment
  TWR = 'TWR' // Time-Weighted Rate of Return
}
