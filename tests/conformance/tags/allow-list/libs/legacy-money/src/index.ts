export const legacy_money = 'legacy-money';
