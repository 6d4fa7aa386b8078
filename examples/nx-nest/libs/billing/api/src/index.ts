export * from './lib/billing-api.module';
export * from './lib/invoices.controller';
// Seeded violation (entry-point, dependencies, tags): this barrel leaks another context's internals.
export * from '../../../orders/domain/src/lib/order';
