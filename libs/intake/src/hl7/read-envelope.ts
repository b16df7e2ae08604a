import type { Hl7Message, Hl7Segment } from '@medplum/core';
import { MAX_IDENTIFIER_LENGTH, MAX_MESSAGE_BYTES } from './adt-limits';
import type { AckHeader } from './adt-parse-result';
import { ADT_TRIGGERS, type AdtTrigger, isAdtTrigger } from './adt-trigger';
import { componentText, fieldText, segmentsNamed } from './er7-fields';
import { Hl7ErrorCode, type Hl7Issue, hl7Issue } from './hl7-issue';
import { PROCESSING_IDS } from './processing-id';
import { SegmentReader } from './segment-reader';

/** What the MSH says about the message as a whole. */
export interface AdtEnvelope {
  trigger: AdtTrigger;
  /** MSH-3^MSH-4: sending application and facility. */
  sender: string;
  /** MSH-10, the whole field: an unescaped ^ must not make two control ids one. */
  messageId: string;
}

const VERSIONS = ['2.5.1', '2.5'];

export function readAckHeader(msh: Hl7Segment): AckHeader {
  return {
    sendingApplication: fieldText(msh, 3),
    sendingFacility: fieldText(msh, 4),
    receivingApplication: fieldText(msh, 5),
    receivingFacility: fieldText(msh, 6),
    controlId: fieldText(msh, 10),
    triggerEvent: componentText(msh, 9, 2),
    processingId: componentText(msh, 11),
  };
}

/**
 * Checks what decides whether the message is one this intake takes at all; each problem found is
 * recorded for an AR. Undefined when the envelope cannot be read.
 */
export function readEnvelope(
  text: string,
  message: Hl7Message,
  issues: Hl7Issue[],
): AdtEnvelope | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_MESSAGE_BYTES) {
    issues.push(
      hl7Issue(
        Hl7ErrorCode.applicationInternalError,
        `the message is ${bytes} bytes; the limit is ${MAX_MESSAGE_BYTES}`,
      ),
    );
  }
  if (segmentsNamed(message, 'MSH').length > 1) {
    issues.push(
      hl7Issue(
        Hl7ErrorCode.segmentSequenceError,
        'the message holds more than one MSH segment; send one message at a time',
        'MSH',
      ),
    );
  }
  const msh = new SegmentReader(message.header, issues);
  const application = readHierarchicDesignator(msh, 3, 'sending application');
  const facility = readHierarchicDesignator(msh, 4, 'sending facility');
  const trigger = readTrigger(msh);
  const messageId = msh.text({
    field: 10,
    label: 'message control id',
    required: true,
    maxLength: MAX_IDENTIFIER_LENGTH,
  });
  checkCode(msh, 11, 'processing id', PROCESSING_IDS, Hl7ErrorCode.unsupportedProcessingId);
  checkCode(msh, 12, 'version id', VERSIONS, Hl7ErrorCode.unsupportedVersionId);
  if (
    application === undefined ||
    facility === undefined ||
    trigger === undefined ||
    messageId === undefined
  ) {
    return undefined;
  }
  return { trigger, sender: `${application}^${facility}`, messageId };
}

/** HD-1 namespace id, or HD-2 universal id when the sender gives only that. */
function readHierarchicDesignator(
  msh: SegmentReader,
  field: number,
  label: string,
): string | undefined {
  const namespaceId = componentText(msh.segment, field, 1);
  return msh.text({
    field,
    label,
    component: namespaceId === '' ? 2 : 1,
    required: true,
    maxLength: MAX_IDENTIFIER_LENGTH,
  });
}

function readTrigger(msh: SegmentReader): AdtTrigger | undefined {
  const messageType = componentText(msh.segment, 9, 1);
  if (messageType === '') {
    msh.report(Hl7ErrorCode.requiredFieldMissing, 9, 'message type is required');
    return undefined;
  }
  if (messageType !== 'ADT') {
    msh.report(Hl7ErrorCode.unsupportedMessageType, 9, 'message type is not ADT');
    return undefined;
  }
  const trigger = componentText(msh.segment, 9, 2);
  if (trigger === '') {
    msh.report(Hl7ErrorCode.requiredFieldMissing, 9, 'trigger event is required');
    return undefined;
  }
  if (!isAdtTrigger(trigger)) {
    msh.report(
      Hl7ErrorCode.unsupportedEventCode,
      9,
      `trigger event is not one of ${ADT_TRIGGERS.join(', ')}`,
    );
    return undefined;
  }
  return trigger;
}

function checkCode(
  msh: SegmentReader,
  field: number,
  label: string,
  accepted: readonly string[],
  unsupported: Hl7ErrorCode,
): void {
  const code = componentText(msh.segment, field);
  if (code === '') {
    msh.report(Hl7ErrorCode.requiredFieldMissing, field, `${label} is required`);
  } else if (!accepted.includes(code)) {
    msh.report(unsupported, field, `${label} is not one of ${accepted.join(', ')}`);
  }
}
