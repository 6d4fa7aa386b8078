export * from './user.session';
export * from './ee/ee.repository.factory';
