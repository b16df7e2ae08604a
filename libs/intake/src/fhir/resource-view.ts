import { accept, combine, type Checked } from './checked';
import { checkStructure } from './check-structure';
import { encounterSchema, type R4Encounter } from './encounter.schema';
import { messageHeaderSchema, type R4MessageHeader } from './message-header.schema';
import { patientSchema, type R4Patient } from './patient.schema';

/** A resource the intake read, with the FHIRPath it was found at. */
export type PatientView = { kind: 'Patient'; resource: R4Patient; path: string };
type OtherView = { kind: 'other'; resourceType: string; id?: string; path: string };
export type ContainedView = PatientView | OtherView;
export type EncounterView = {
  kind: 'Encounter';
  resource: R4Encounter;
  contained: readonly ContainedView[];
  path: string;
};
export type MessageHeaderView = { kind: 'MessageHeader'; resource: R4MessageHeader; path: string };
export type ResourceView = EncounterView | PatientView | MessageHeaderView | OtherView;

type EmbeddedResource = { resourceType: string; [element: string]: unknown };

/** Checks the structure of the resources the intake reads; any other is only located. */
export function readResource(json: EmbeddedResource, path: string): Checked<ResourceView> {
  switch (json.resourceType) {
    case 'Encounter':
      return readEncounter(json, path);
    case 'Patient':
      return readPatient(json, path);
    case 'MessageHeader':
      return viewOf(checkStructure(messageHeaderSchema, json, path), (resource) => ({
        kind: 'MessageHeader',
        resource,
        path,
      }));
    default:
      return accept(otherView(json, path));
  }
}

export function readEncounter(json: unknown, path: string): Checked<EncounterView> {
  const encounter = checkStructure(encounterSchema, json, path);
  if (!encounter.ok) return encounter;
  // Only a contained Patient is read, so nesting in the request cannot make this recurse.
  const contained = combine(
    (encounter.value.contained ?? []).map((resource, index): Checked<ContainedView> => {
      const at = `${path}.contained[${index}]`;
      return resource.resourceType === 'Patient'
        ? readPatient(resource, at)
        : accept(otherView(resource, at));
    }),
  );
  return viewOf(contained, (views) => ({
    kind: 'Encounter',
    resource: encounter.value,
    contained: views,
    path,
  }));
}

function readPatient(json: EmbeddedResource, path: string): Checked<PatientView> {
  return viewOf(checkStructure(patientSchema, json, path), (resource) => ({
    kind: 'Patient',
    resource,
    path,
  }));
}

function otherView(json: EmbeddedResource, path: string): OtherView {
  const id = json['id'];
  return {
    kind: 'other',
    resourceType: json.resourceType,
    ...(typeof id === 'string' ? { id } : {}),
    path,
  };
}

function viewOf<T, V>(checked: Checked<T>, view: (value: T) => V): Checked<V> {
  return checked.ok ? accept(view(checked.value)) : checked;
}

export function resourceTypeOf(view: ResourceView): string {
  return view.kind === 'other' ? view.resourceType : view.kind;
}

export function idOf(view: ResourceView): string | undefined {
  return view.kind === 'other' ? view.id : view.resource.id;
}
