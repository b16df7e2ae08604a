export class ExpectedVersionConflict extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(
      `Stream ${streamId} is at version ${actualVersion}, not the expected ${expectedVersion}.`,
    );
    this.name = 'ExpectedVersionConflict';
  }
}
