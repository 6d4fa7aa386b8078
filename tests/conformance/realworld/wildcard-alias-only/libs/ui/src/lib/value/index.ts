export * from './value.component';
