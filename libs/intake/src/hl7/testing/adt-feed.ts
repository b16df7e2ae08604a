import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  A01_ADMISSION,
  A03_DISCHARGE,
  A11_CANCEL_ADMISSION,
  A13_CANCEL_DISCHARGE,
  withField,
} from './adt-fixtures';

/** The assigning authority's namespace the feed's MRNs carry (PID-3.4.1): the identifier system. */
export const MRN_SYSTEM = 'GH';

/** A patient's ADT messages with fresh identifiers and recent times. */
export function adtFeed() {
  const mrn = `MRN${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const visit = `V${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const hl7Now = (minutesAgo: number) =>
    DateTime.utc().minus({ minutes: minutesAgo }).toFormat('yyyyMMddHHmmss') + '+0000';
  const personalize = (text: string, admitted: boolean) => {
    let message = withField(text, 'MSH', 10, `C${randomUUID().replace(/-/g, '').slice(0, 18)}`);
    message = withField(
      message,
      'PID',
      3,
      `${mrn}^^^${MRN_SYSTEM}&2.16.840.1.113883.3.1234&ISO^MR`,
    );
    message = withField(message, 'PV1', 19, `${visit}^^^GH^VN`);
    if (admitted) message = withField(message, 'PV1', 44, hl7Now(60 * 24 * 3));
    return message;
  };
  return {
    mrn,
    discharge: () => withField(personalize(A03_DISCHARGE, true), 'PV1', 45, hl7Now(30)),
    readmission: () => withField(personalize(A01_ADMISSION, false), 'PV1', 44, hl7Now(1)),
    cancelAdmission: () => withField(personalize(A11_CANCEL_ADMISSION, false), 'EVN', 2, hl7Now(1)),
    cancel: () => withField(personalize(A13_CANCEL_DISCHARGE, true), 'EVN', 2, hl7Now(1)),
  };
}
