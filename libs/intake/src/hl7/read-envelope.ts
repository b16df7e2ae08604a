import type { Hl7Message, Hl7Segment } from '@medplum/core';
import { MAX_IDENTIFIER_LENGTH, MAX_MESSAGE_BYTES } from './adt-limits';
import type { AckHeader } from './adt-parse-result';
import { isAdtEventCode } from './adt-trigger';
import { componentText, fieldText, segmentsNamed } from './er7-fields';
import { Hl7ErrorCode, type Hl7Issue, hl7Issue } from './hl7-issue';
import { HL7_VERSIONS, isHl7Version, versionLayout, type VersionLayout } from './hl7-version';
import { PROCESSING_IDS } from './processing-id';
import { SegmentReader } from './segment-reader';

/** What the MSH says about the message as a whole. */
export interface AdtEnvelope {
  /** The ADT event (A01 to A62), whether or not this intake acts on it. */
  trigger: string;
  layout: VersionLayout;
  /** MSH-3^MSH-4: sending application and facility, each '' when not sent. */
  sender: string;
  /** The sending facility's namespace, else the application's; '' when neither is sent. */
  senderNamespace: string;
  /** MSH-10, the whole field: an unescaped ^ must not make two control ids one. */
  messageId: string;
}

export function readAckHeader(msh: Hl7Segment): AckHeader {
  return {
    sendingApplication: fieldText(msh, 3),
    sendingFacility: fieldText(msh, 4),
    receivingApplication: fieldText(msh, 5),
    receivingFacility: fieldText(msh, 6),
    controlId: fieldText(msh, 10),
    triggerEvent: componentText(msh, 9, 2),
    processingId: componentText(msh, 11),
    version: componentText(msh, 12).trim(),
    acceptAckType: componentText(msh, 15),
    applicationAckType: componentText(msh, 16),
  };
}

/**
 * Checks what decides whether the message is one this intake takes at all; each problem found is
 * recorded for an AR, each tolerated quirk in `notices`. Undefined when the envelope cannot be read.
 */
export function readEnvelope(
  text: string,
  message: Hl7Message,
  issues: Hl7Issue[],
  notices: string[],
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
  const messageId = msh.text({
    field: 10,
    label: 'message control id',
    required: true,
    maxLength: MAX_IDENTIFIER_LENGTH,
  });
  checkCode(msh, 11, 'processing id', PROCESSING_IDS, Hl7ErrorCode.unsupportedProcessingId);
  const layout = readVersion(msh);
  const trigger = layout && readTrigger(msh, layout, message, notices);
  if (
    application === undefined ||
    facility === undefined ||
    layout === undefined ||
    trigger === undefined ||
    messageId === undefined
  ) {
    return undefined;
  }
  return {
    trigger,
    layout,
    sender: `${application}^${facility}`,
    senderNamespace: facility || application,
    messageId,
  };
}

/** HD-1 namespace id, or HD-2 universal id when the sender gives only that; '' when not sent. */
function readHierarchicDesignator(
  msh: SegmentReader,
  field: number,
  label: string,
): string | undefined {
  const component = componentText(msh.segment, field, 1) === '' ? 2 : 1;
  if (componentText(msh.segment, field, component) === '') return '';
  return msh.text({ field, label, component, maxLength: MAX_IDENTIFIER_LENGTH });
}

function readVersion(msh: SegmentReader): VersionLayout | undefined {
  const version = componentText(msh.segment, 12).trim();
  if (version === '') {
    msh.report(Hl7ErrorCode.requiredFieldMissing, 12, 'version id is required');
    return undefined;
  }
  if (!isHl7Version(version)) {
    msh.report(
      Hl7ErrorCode.unsupportedVersionId,
      12,
      `version id is not one of ${HL7_VERSIONS.join(', ')}`,
    );
    return undefined;
  }
  return versionLayout(version);
}

/**
 * MSH-9.2, or EVN-1 where the version defines it and MSH-9 names no trigger. When both are
 * sent and disagree, MSH-9 wins, as integration engines read it.
 */
function readTrigger(
  msh: SegmentReader,
  layout: VersionLayout,
  message: Hl7Message,
  notices: string[],
): string | undefined {
  const messageType = componentText(msh.segment, 9, 1);
  if (messageType === '') {
    msh.report(Hl7ErrorCode.requiredFieldMissing, 9, 'message type is required');
    return undefined;
  }
  if (messageType !== 'ADT') {
    msh.report(Hl7ErrorCode.unsupportedMessageType, 9, 'message type is not ADT');
    return undefined;
  }
  const [evn] = segmentsNamed(message, 'EVN');
  const eventTypeCode = layout.eventTypeCode && evn ? componentText(evn, 1) : '';
  const trigger = componentText(msh.segment, 9, 2) || eventTypeCode;
  if (trigger === '') {
    msh.report(Hl7ErrorCode.requiredFieldMissing, 9, 'trigger event is required');
    return undefined;
  }
  if (!isAdtEventCode(trigger)) {
    msh.report(
      Hl7ErrorCode.unsupportedEventCode,
      9,
      'trigger event is not an ADT event of HL7 table 0003 (A01 to A62)',
    );
    return undefined;
  }
  if (componentText(msh.segment, 9, 2) === '') {
    notices.push('MSH-9 names no trigger event; EVN-1 was read instead');
  } else if (eventTypeCode !== '' && eventTypeCode !== trigger) {
    notices.push(
      `EVN-1 event type code disagrees with the MSH-9 trigger event ${trigger}; MSH-9 was read`,
    );
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
