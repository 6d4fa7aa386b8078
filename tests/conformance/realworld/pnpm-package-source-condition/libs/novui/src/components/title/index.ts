export * from './Title';
