export type NovuUIOptions = { container?: string };

export class NovuUI {
  constructor(readonly options: NovuUIOptions) {}
}
