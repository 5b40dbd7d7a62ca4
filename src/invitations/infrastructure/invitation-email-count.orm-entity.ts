import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Describes the table as the migrations create it (a test checks that they agree). */
@Entity({ name: 'invitation_email_counts' })
@Index('invitation_email_counts_window_idx', ['windowStart'])
export class InvitationEmailCountOrmEntity {
  /** SHA-256 (hex) of `address:<mailboxKey>` or `sender:<userId>`: no address is kept. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  subject: string;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer' })
  sent: number;
}
