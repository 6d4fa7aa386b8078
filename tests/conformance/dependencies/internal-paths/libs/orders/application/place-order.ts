import { Order } from '../domain';
import { Order as DeepOrder } from '../domain/model/order';
import { log } from '../../../tools/log';

export const placeOrder = (): Order => (log('placing'), new DeepOrder());
