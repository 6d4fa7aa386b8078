export * from './dark';
