import { Access } from '@ghostfolio/common/interfaces';

export class DataService {
  public fetchAccesses(): Access[] {
    return [];
  }
}
