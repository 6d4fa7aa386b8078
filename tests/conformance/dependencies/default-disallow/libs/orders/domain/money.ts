export class Money {}
