import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** Describes the table as the migrations create it (a test checks that they agree): the one key of the audit log's page marks. */
@Entity({ name: 'event_page_mark_key' })
@Check('event_page_mark_key_one', `id = 1`)
export class EventPageMarkKeyOrmEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'bytea' })
  key: Buffer;
}
