import type { Hl7Message } from '@medplum/core';
import type { Zone } from 'luxon';
import type { AdtTrigger } from './adt-trigger';
import { segmentsNamed } from './er7-fields';
import { Hl7ErrorCode, type Hl7Issue, hl7Issue } from './hl7-issue';
import type { VersionLayout } from './hl7-version';
import { SegmentReader } from './segment-reader';

/** One message's content being read, and the issues found so far. */
export interface AdtContext {
  message: Hl7Message;
  trigger: AdtTrigger;
  layout: VersionLayout;
  defaultZone: Zone;
  /** The namespace that stands for an identifier's missing assigning authority: the sender's. */
  senderNamespace: string;
  issues: Hl7Issue[];
  notices: string[];
}

export function optionalSegment(context: AdtContext, name: string): SegmentReader | undefined {
  const [segment] = segmentsNamed(context.message, name);
  return segment === undefined ? undefined : new SegmentReader(segment, context.issues);
}

export function requiredSegment(context: AdtContext, name: string): SegmentReader | undefined {
  const segment = optionalSegment(context, name);
  if (segment === undefined) {
    context.issues.push(
      hl7Issue(
        Hl7ErrorCode.segmentSequenceError,
        `the ${name} segment is required for ${context.trigger}`,
        name,
      ),
    );
  }
  return segment;
}
