export class Logger {
  constructor(private readonly name: string) {}

  log(message: string) {
    return `${this.name}: ${message}`;
  }
}
