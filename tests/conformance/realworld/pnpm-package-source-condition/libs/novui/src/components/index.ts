export * from './NovuiProvider';
export * from './title';
