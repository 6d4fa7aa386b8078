export * from './usecases/create-subscriber/create-subscriber.usecase';
