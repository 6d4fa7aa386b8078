import { getLocale } from '@ghostfolio/common/helper';

export class GfValueComponent {
  public locale = getLocale();
}
