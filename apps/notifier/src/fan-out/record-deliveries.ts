import type { CloudEvent } from '@care/contracts';
import type { SqlExecutor } from '@care/event-store';
import type { IncomingEvent } from '@care/messaging';
import { DELIVERIES_CHANNEL } from '@care/webhooks';

/** The CloudEvent as it was published, without where the bus delivered it from. */
export const publishedEvent = (event: IncomingEvent): CloudEvent => ({
  specversion: event.specversion,
  id: event.id,
  source: event.source,
  type: event.type,
  subject: event.subject,
  time: event.time,
  datacontenttype: event.datacontenttype,
  tenantid: event.tenantid,
  sequence: event.sequence,
  ...(event.traceparent ? { traceparent: event.traceparent } : {}),
  data: event.data,
});

/**
 * One pending delivery per active subscription of the event's tenant that wants its type, in
 * the caller's transaction (the one recording the event in the inbox). A delivery that exists
 * already is left as it is; notifiers are woken when the transaction commits. Returns how many
 * deliveries it created.
 */
export async function recordDeliveries(event: IncomingEvent, tx: SqlExecutor): Promise<number> {
  await tx.query(`SELECT set_config('care.tenant_id', $1, true)`, [event.tenantid]);
  const [row] = await tx.query<{ created: number }[]>(
    `WITH created AS (
       INSERT INTO webhook_deliveries
              (subscription_id, tenant_id, event_id, event_type, event_time, payload)
       SELECT s.id, s.tenant_id, $2::uuid, $3::text, $4::timestamptz, $5::jsonb
         FROM webhook_subscriptions s
        WHERE s.tenant_id = $1 AND s.active
          AND (cardinality(s.event_types) = 0 OR $3 = ANY (s.event_types))
       ON CONFLICT (subscription_id, event_id) DO NOTHING
       RETURNING 1)
     SELECT count(*)::int AS created,
            CASE WHEN count(*) > 0 THEN pg_notify('${DELIVERIES_CHANNEL}', '') END AS woken
       FROM created`,
    [event.tenantid, event.id, event.type, event.time, JSON.stringify(publishedEvent(event))],
  );
  return row?.created ?? 0;
}
