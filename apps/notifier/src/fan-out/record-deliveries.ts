import type { CloudEvent } from '@care/contracts';
import type { SqlExecutor } from '@care/event-store';
import type { IncomingEvent } from '@care/messaging';
import { DELIVERIES_CHANNEL } from '@care/webhooks';
import { byTenant } from './by-tenant';

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
 * One pending delivery per active subscription of an event's tenant that wants its type, for
 * a run of events, in the caller's transaction (the one recording them in the inbox): one
 * statement per tenant, as that tenant (row-level security). A delivery that exists already is
 * left as it is; notifiers are woken once when the transaction commits. Returns how many
 * deliveries it created.
 */
export async function recordDeliveries(
  events: readonly IncomingEvent[],
  tx: SqlExecutor,
): Promise<number> {
  let created = 0;
  for (const [tenantId, ofTenant] of byTenant(events)) {
    await tx.query(`SELECT set_config('care.tenant_id', $1, true)`, [tenantId]);
    const [row] = await tx.query<{ created: number }[]>(
      `WITH events AS (
         SELECT * FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::jsonb[])
                    AS e(id, type, time, payload)),
       created AS (
         INSERT INTO webhook_deliveries
                (subscription_id, tenant_id, event_id, event_type, event_time, payload)
         SELECT s.id, s.tenant_id, e.id, e.type, e.time, e.payload
           FROM events e
           JOIN webhook_subscriptions s
             ON s.tenant_id = $1 AND s.active
            AND (cardinality(s.event_types) = 0 OR e.type = ANY (s.event_types))
         ON CONFLICT (subscription_id, event_id) DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS created,
              CASE WHEN count(*) > 0 THEN pg_notify('${DELIVERIES_CHANNEL}', '') END AS woken
         FROM created`,
      [
        tenantId,
        ofTenant.map((event) => event.id),
        ofTenant.map((event) => event.type),
        ofTenant.map((event) => event.time),
        ofTenant.map((event) => JSON.stringify(publishedEvent(event))),
      ],
    );
    created += row?.created ?? 0;
  }
  return created;
}
