export * from './user.entity';
export * from './user.repository';
