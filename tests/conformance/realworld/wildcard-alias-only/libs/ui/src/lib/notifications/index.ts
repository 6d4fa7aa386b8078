export * from './notification.service';
