import { ZodPipe } from '@care/platform';
import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';

const EPISODE_ID_NAMESPACE = '3d1f0c52-7a3e-4f8e-9b6d-2c5a1e7f9d40';

/**
 * Episode key (rule 1): one episode per tenant and source encounter. The id is a name-based
 * UUID, opaque, so it can appear in workflow ids and Kafka keys without carrying PHI.
 */
export const episodeIdFor = (tenantId: string, encounterId: string): string =>
  uuidv5(`${tenantId}\u0000${encounterId}`, EPISODE_ID_NAMESPACE);

export const episodeIdParam = new ZodPipe(z.uuid('must be an episode id (UUID)'), 'episodeId');
