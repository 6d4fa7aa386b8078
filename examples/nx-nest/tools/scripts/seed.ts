// Prints SQL that seeds a local database with demo orders:
//   npx tsx tools/scripts/seed.ts | psql "$DATABASE_URL"
// Seeded violation (no-unknown-files): tools/ is covered by no element in palisade.json.
import { randomUUID } from 'node:crypto';

const customers = ['c-1001', 'c-1002', 'c-1003'];

for (const customerId of customers) {
  const lines = JSON.stringify([{ sku: 'SKU-1', quantity: 2, unitPriceCents: 1299 }]);
  console.log(
    `INSERT INTO orders (id, customer_id, status, currency, lines) ` +
      `VALUES ('${randomUUID()}', '${customerId}', 'placed', 'EUR', '${lines}');`,
  );
}
