import { accept, reject, type Checked } from './checked';
import { issue } from './operation-outcome';
import type { MessageHeaderView } from './resource-view';

const NOTIFICATION_EVENT_SYSTEM =
  'http://hl7.org/fhir/us/davinci-alerts/CodeSystem/notification-event';

export type NotificationKind = 'discharge' | 'admission';

const KINDS = new Map<string, NotificationKind>([
  ['notification-discharge', 'discharge'],
  ['notification-admit', 'admission'],
]);

/** The Da Vinci unsolicited-notification events this intake acts on. */
export function notificationKind({ resource, path }: MessageHeaderView): Checked<NotificationKind> {
  const coding = resource.eventCoding;
  const kind =
    coding?.system === NOTIFICATION_EVENT_SYSTEM && coding.code !== undefined
      ? KINDS.get(coding.code)
      : undefined;
  if (kind !== undefined) return accept(kind);
  const expression = coding === undefined ? `${path}.eventUri` : `${path}.eventCoding`;
  return reject(
    issue(
      'not-supported',
      expression,
      `${expression} must be notification-discharge or notification-admit from ${NOTIFICATION_EVENT_SYSTEM}.`,
    ),
  );
}
