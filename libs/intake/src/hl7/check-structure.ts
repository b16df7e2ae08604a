import type { Hl7Message } from '@medplum/core';
import { MAX_FIELD_LENGTH } from './adt-limits';
import { fieldCount, fieldLocation, fieldText, segmentsNamed } from './er7-fields';
import { Hl7ErrorCode, type Hl7Issue, hl7Issue } from './hl7-issue';

const SEGMENT_ID = /^[A-Z][A-Z0-9]{2}$/;
/** Segments an ADT message of the supported events holds at most once. */
const SINGLE_SEGMENTS = ['EVN', 'PID', 'PV1'];

/** Records the segment and field problems that no field reader would see. */
export function checkStructure(message: Hl7Message, issues: Hl7Issue[]): void {
  const segments = message.segments;
  // One issue is enough: a truncated or garbled tail would otherwise yield one per line.
  const invalidId = segments.findIndex((segment) => !SEGMENT_ID.test(segment.name));
  if (invalidId !== -1) {
    issues.push(
      hl7Issue(
        Hl7ErrorCode.segmentSequenceError,
        `segment ${invalidId + 1} has no valid segment id (three capital letters or digits)`,
      ),
    );
  }
  for (const name of SINGLE_SEGMENTS) {
    if (segmentsNamed(message, name).length > 1) {
      issues.push(
        hl7Issue(
          Hl7ErrorCode.segmentSequenceError,
          `the message holds more than one ${name} segment`,
          name,
        ),
      );
    }
  }
  for (const segment of segments) {
    for (let field = 1; field <= fieldCount(segment); field += 1) {
      const length = fieldText(segment, field).length;
      if (length > MAX_FIELD_LENGTH) {
        const location = fieldLocation(segment, field);
        issues.push(
          hl7Issue(
            Hl7ErrorCode.dataTypeError,
            `${location} is ${length} characters long; the limit is ${MAX_FIELD_LENGTH}`,
            location,
          ),
        );
      }
    }
  }
}
