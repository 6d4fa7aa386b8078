import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface OrderLineRecord {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

@Entity({ name: 'orders' })
export class OrderRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'customer_id' })
  customerId!: string;

  @Column()
  status!: string;

  @Column()
  currency!: string;

  @Column('jsonb')
  lines!: OrderLineRecord[];
}
