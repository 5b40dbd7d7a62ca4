import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Describes the table as the migrations create it (a test checks that they agree). */
@Entity({ name: 'users' })
@Check('users_id_not_empty', `id <> ''`)
@Index('users_email_key_idx', ['emailKey'], { where: 'email_key IS NOT NULL' })
export class UserOrmEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text', nullable: true })
  picture: string | null;

  @Column({ name: 'email_verified', type: 'boolean', nullable: true })
  emailVerified: boolean | null;

  /** mailboxKey(email) when the token that carried the email verified it, else null. */
  @Column({ name: 'email_key', type: 'text', nullable: true })
  emailKey: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
