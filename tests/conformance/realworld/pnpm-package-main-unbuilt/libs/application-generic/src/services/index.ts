export * from './auth.service';
