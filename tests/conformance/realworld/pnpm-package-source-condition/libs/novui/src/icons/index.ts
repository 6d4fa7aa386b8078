export * from './icon-registry';
