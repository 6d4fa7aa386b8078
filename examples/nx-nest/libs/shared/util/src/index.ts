export * from './lib/ids';
export * from './lib/invariant';
export * from './lib/money';
