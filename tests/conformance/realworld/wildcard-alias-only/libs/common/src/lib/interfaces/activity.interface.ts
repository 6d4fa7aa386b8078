export interface Activity {
  date: Date;
}
