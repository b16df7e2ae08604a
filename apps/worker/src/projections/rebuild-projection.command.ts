import { createDataSource, PostgresEventStore, rebuildProjection } from '@care/event-store';
import { projections } from '@care/read-models';

export class UnknownProjection extends Error {
  constructor(name: string | undefined) {
    const known = projections.map((projection) => projection.name).join(', ');
    super(
      name
        ? `unknown projection "${name}"; known: ${known}`
        : `name the projection to rebuild; known: ${known}`,
    );
    this.name = 'UnknownProjection';
  }
}

/** Rebuilds one read model from the global log, as the schema owner. */
export async function rebuildProjectionNamed(
  name: string | undefined,
  ownerUrl: string,
): Promise<{ projection: string; events: number; seconds: number }> {
  const projection = projections.find((candidate) => candidate.name === name);
  if (!projection) throw new UnknownProjection(name);
  const dataSource = await createDataSource({
    url: ownerUrl,
    poolSize: 1,
    applicationName: 'care-projections-rebuild',
  }).initialize();
  try {
    const started = performance.now();
    const events = await rebuildProjection(
      dataSource,
      new PostgresEventStore(dataSource),
      projection,
    );
    return { projection: projection.name, events, seconds: (performance.now() - started) / 1000 };
  } finally {
    await dataSource.destroy();
  }
}
