export const legacy_tax = 'legacy-tax';
