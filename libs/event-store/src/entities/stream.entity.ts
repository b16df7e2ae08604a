import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'streams' })
export class StreamEntity {
  @PrimaryColumn({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ name: 'stream_type', type: 'text' })
  streamType!: string;

  @Column({ type: 'bigint' })
  version!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
