import type { Hl7Field, Hl7Message, Hl7Segment } from '@medplum/core';

/** HL7's explicit null: the sender has no value, which this model holds as absent. */
const HL7_NULL = '""';

function fieldAt(segment: Hl7Segment, index: number): Hl7Field | undefined {
  // Medplum returns undefined past the segment's last field, whatever its declared type says.
  const field: Hl7Field | undefined = segment.getField(index);
  return field;
}

/** The segments with exactly this id; Medplum's own lookup matches on the first three characters. */
export function segmentsNamed(message: Hl7Message, name: string): Hl7Segment[] {
  return message.getAllSegments(name).filter((segment) => segment.name === name);
}

/** The field as sent, escape sequences kept; '' when absent or HL7 null. */
export function fieldText(segment: Hl7Segment, index: number): string {
  const text = fieldAt(segment, index)?.toString() ?? '';
  return text === HL7_NULL ? '' : text;
}

/** The field's repetitions, each its components as sent; none when absent or HL7 null. */
export function fieldRepetitions(segment: Hl7Segment, index: number): readonly string[][] {
  return fieldText(segment, index) === '' ? [] : (fieldAt(segment, index)?.components ?? []);
}

/** Component `component` (1-based) of the field's first repetition, as sent. */
export function componentText(segment: Hl7Segment, index: number, component = 1): string {
  return fieldRepetitions(segment, index)[0]?.[component - 1] ?? '';
}

/** Subcomponent `subcomponent` (1-based) of a component, as sent. */
export function subcomponentText(component: string, subcomponent: number): string {
  return component.split('&')[subcomponent - 1] ?? '';
}

/** How many fields the segment holds; MSH counts its field separator as MSH-1. */
export function fieldCount(segment: Hl7Segment): number {
  return segment.name === 'MSH' ? segment.fields.length : segment.fields.length - 1;
}

/** 'PID-3' for field 3 of the PID segment. */
export function fieldLocation(segment: Hl7Segment, index: number): string {
  return `${segment.name}-${index}`;
}
