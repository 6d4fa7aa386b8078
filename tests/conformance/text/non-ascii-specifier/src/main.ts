import { commande } from './données/注文🚀';
import { ok } from './café';

export const main = [commande, ok];
