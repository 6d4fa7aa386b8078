import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'invoices' })
export class InvoiceRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ unique: true })
  number!: string;

  @Column('uuid', { name: 'order_id' })
  orderId!: string;

  @Column('int', { name: 'amount_cents' })
  amountCents!: number;

  @Column()
  currency!: string;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt!: Date;

  @Column('timestamptz', { name: 'paid_at', nullable: true })
  paidAt!: Date | null;
}
