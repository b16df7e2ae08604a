export class ExpectedVersionConflict extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
    reason?: string,
  ) {
    super(
      `Stream ${streamId} is at version ${actualVersion}, not the expected ${expectedVersion}` +
        (reason ? `: ${reason}.` : '.'),
    );
    this.name = 'ExpectedVersionConflict';
  }
}
