/** The events of each tenant, in their order, tenants in the order of their first event. */
export function byTenant<Event extends { tenantid: string }>(
  events: readonly Event[],
): Map<string, Event[]> {
  const tenants = new Map<string, Event[]>();
  for (const event of events) {
    const ofTenant = tenants.get(event.tenantid);
    if (ofTenant) ofTenant.push(event);
    else tenants.set(event.tenantid, [event]);
  }
  return tenants;
}
