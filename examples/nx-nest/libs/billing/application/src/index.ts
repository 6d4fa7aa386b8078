export * from './lib/create-invoice.service';
export * from './lib/revenue-report.service';
