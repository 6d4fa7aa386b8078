export * from './lib/invoice';
export * from './lib/invoice-number';
export * from './lib/invoice.repository';
