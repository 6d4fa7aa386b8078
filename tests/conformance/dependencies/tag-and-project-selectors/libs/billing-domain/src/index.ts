import { slug } from '../../shared-util/src/index';
import { old } from '../../legacy-util/src/index';

export class Invoice {
  id = slug(old);
}
