export * from './lib/billing-infrastructure.module';
export * from './lib/invoice.orm-entity';
export * from './lib/typeorm-invoice.repository';
