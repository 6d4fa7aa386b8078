// Café — 注文サービス 🚀
/* déjà vu: 🚀🚀 */
const label = 'é注文🚀'; import { a } from './missing-a';
/* 🚀 */ import './missing-b'; // ✓ 注文
export const main = [label, a];
