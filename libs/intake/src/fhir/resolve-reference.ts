import { idOf, resourceTypeOf, type ContainedView, type ResourceView } from './resource-view';

export type BundleEntryView = { fullUrl?: string; view?: ResourceView };

/** Where a reference may point: resources contained in its resource, and a Bundle's entries. */
interface ReferenceScope {
  contained: readonly ContainedView[];
  entries: readonly BundleEntryView[];
}

const RELATIVE_REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

/** The resource type and id of a relative (RESTful) reference such as `Patient/123`. */
export function relativeReference(
  reference: string,
): { resourceType: string; id: string } | undefined {
  const relative = RELATIVE_REFERENCE.exec(reference);
  return relative === null ? undefined : { resourceType: relative[1]!, id: relative[2]! };
}

/**
 * Resolves `#id` among contained resources, and other references among Bundle entries: by
 * fullUrl, or `Type/id` by the tail of a RESTful fullUrl or the entry resource's type and id.
 */
export function resolveReference(
  reference: string,
  scope: ReferenceScope,
): ResourceView | undefined {
  if (reference.startsWith('#')) {
    const id = reference.slice(1);
    return scope.contained.find((view) => idOf(view) === id);
  }
  return resolveEntry(reference, scope.entries)?.view;
}

/** The Bundle entry a reference other than `#id` points at, by fullUrl or `Type/id`. */
export function resolveEntry(
  reference: string,
  entries: readonly BundleEntryView[],
): BundleEntryView | undefined {
  const byFullUrl = entries.find((entry) => entry.fullUrl === reference);
  if (byFullUrl !== undefined) return byFullUrl;
  const relative = relativeReference(reference);
  if (relative === undefined) return undefined;
  return entries.find(
    ({ fullUrl, view }) =>
      view !== undefined &&
      (fullUrl?.endsWith(`/${reference}`) === true ||
        (resourceTypeOf(view) === relative.resourceType && idOf(view) === relative.id)),
  );
}
