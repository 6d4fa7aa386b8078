export * from './repositories/user';
