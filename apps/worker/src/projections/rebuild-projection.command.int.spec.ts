import { loadConfig } from '@care/platform';
import { rebuildProjectionNamed, UnknownProjection } from './rebuild-projection.command';

describe('projections:rebuild (real PostgreSQL)', () => {
  const ownerUrl = () => loadConfig().DATABASE_OWNER_URL;

  it('rebuilds the named projection and reports how many events it replayed', async () => {
    const result = await rebuildProjectionNamed('episode-worklist', ownerUrl());

    expect(result.projection).toBe('episode-worklist');
    expect(result.events).toBeGreaterThanOrEqual(0);
  });

  it.each([
    [
      'an unknown name',
      'episode-sumary',
      'unknown projection "episode-sumary"; known: episode-summary, episode-worklist',
    ],
    [
      'no name',
      undefined,
      'name the projection to rebuild; known: episode-summary, episode-worklist',
    ],
  ])('refuses %s, listing the known projections', async (_, name, message) => {
    const rebuild = rebuildProjectionNamed(name, ownerUrl());

    await expect(rebuild).rejects.toBeInstanceOf(UnknownProjection);
    await expect(rebuild).rejects.toThrow(message);
  });

  it('needs the owner: the application role may not empty a read model', async () => {
    await expect(
      rebuildProjectionNamed('episode-summary', loadConfig().DATABASE_URL),
    ).rejects.toThrow(/permission denied/);
  });
});
