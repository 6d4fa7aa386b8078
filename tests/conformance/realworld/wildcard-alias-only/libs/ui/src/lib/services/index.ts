export * from './data.service';
