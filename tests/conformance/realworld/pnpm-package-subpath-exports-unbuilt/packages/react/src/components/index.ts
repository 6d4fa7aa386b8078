export * from './NovuUI';
