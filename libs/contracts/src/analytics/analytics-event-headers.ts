import { z } from 'zod';
import { CLOUD_EVENTS_CONTENT_TYPE } from '../cloud-event';
import { eventType } from '../cloud-event.schema';
import { tenantSlug, uuid } from '../data/primitives';

/** Kafka headers of an analytics event: its id, type and tenant repeated, nothing else. */
export const analyticsEventHeadersSchema = z
  .object({
    'content-type': z.literal(CLOUD_EVENTS_CONTENT_TYPE),
    ce_id: uuid.describe('The CloudEvent id, repeated.'),
    ce_type: eventType.describe('The CloudEvent type, repeated: route on it without parsing.'),
    ce_tenantid: tenantSlug.describe('The CloudEvent tenantid, repeated.'),
  })
  .describe(
    'Kafka headers of an analytics event (CloudEvents Kafka binding, structured mode); no trace context.',
  );
