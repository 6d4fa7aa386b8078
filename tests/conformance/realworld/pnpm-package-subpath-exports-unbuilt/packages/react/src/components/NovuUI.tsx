import { Novu } from '@novu/js';
import type { NovuUIOptions } from '@novu/js/ui';
import { NovuUI as NovuUIClass } from '@novu/js/ui';

export const NovuUI = ({ options }: { options: NovuUIOptions }) => {
  const ui = new NovuUIClass(options);
  return <div data-novu={String(ui instanceof NovuUIClass && Novu.name)} />;
};
