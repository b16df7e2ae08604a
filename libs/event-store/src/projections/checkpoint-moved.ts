/** Another runner advanced the checkpoint first; this batch was rolled back. */
export class CheckpointMoved extends Error {
  constructor(readonly projection: string) {
    super(`The checkpoint of projection ${projection} moved while a batch was being applied.`);
    this.name = 'CheckpointMoved';
  }
}
