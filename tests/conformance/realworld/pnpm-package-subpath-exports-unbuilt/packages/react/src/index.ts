export * from './components';
export * from './hooks';
