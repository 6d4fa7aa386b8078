export class Novu {
  constructor(readonly options: { applicationIdentifier: string }) {}
}
