import type { Bundle, Resource } from '@medplum/fhirtypes';

/**
 * A searchset Bundle of every match (no paging: a patient has few episodes), each entry with
 * its absolute URL under `base` (e.g. `https://host/v1/fhir`).
 */
export function searchset(base: string, self: string, resources: readonly Resource[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: [{ relation: 'self', url: self }],
    ...(resources.length > 0
      ? {
          entry: resources.map((resource) => ({
            fullUrl: `${base}/${resource.resourceType}/${resource.id ?? ''}`,
            resource,
            search: { mode: 'match' as const },
          })),
        }
      : {}),
  };
}
