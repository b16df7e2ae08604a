import { idOf, resourceTypeOf, type ContainedView, type ResourceView } from './resource-view';

export type BundleEntryView = { fullUrl?: string; view?: ResourceView };

/** Where a reference may point: resources contained in its resource, and a Bundle's entries. */
interface ReferenceScope {
  contained: readonly ContainedView[];
  entries: readonly BundleEntryView[];
}

const RELATIVE_REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

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
  const byFullUrl = scope.entries.find((entry) => entry.fullUrl === reference);
  if (byFullUrl !== undefined) return byFullUrl.view;
  const relative = RELATIVE_REFERENCE.exec(reference);
  if (relative === null) return undefined;
  const [, resourceType, id] = relative;
  return scope.entries.find(
    ({ fullUrl, view }) =>
      view !== undefined &&
      (fullUrl?.endsWith(`/${reference}`) === true ||
        (resourceTypeOf(view) === resourceType && idOf(view) === id)),
  )?.view;
}
