import { loadConfig } from '@care/platform';
import { rebuildProjectionNamed, UnknownProjection } from './rebuild-projection.command';

// `npm run projections:rebuild -- <name>`
rebuildProjectionNamed(process.argv[2], loadConfig().DATABASE_OWNER_URL)
  .then(({ projection, events, seconds }) => {
    console.log(
      `[projections] rebuilt ${projection} from ${events} event(s) in ${seconds.toFixed(2)} s`,
    );
  })
  .catch((error: unknown) => {
    console.error('[projections] rebuild failed:', error instanceof Error ? error.message : error);
    process.exit(error instanceof UnknownProjection ? 2 : 1);
  });
