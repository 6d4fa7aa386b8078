export class NotificationService {
  public alert(title: string) {
    return title;
  }
}
