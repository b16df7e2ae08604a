import { bundleSchema, type R4Bundle } from './bundle.schema';
import { accept, combine, reject, type Checked } from './checked';
import { checkStructure } from './check-structure';
import { rejected, type FhirIntakeOptions, type FhirIntakeResult } from './fhir-intake-result';
import type { FhirIntakeEvent } from './fhir-subject';
import { withoutModifierExtensions } from './modifier-extensions';
import { notificationKind, type NotificationKind } from './notification-event';
import { issue } from './operation-outcome';
import { readRoot } from './read-root';
import { resolveReference, type BundleEntryView } from './resolve-reference';
import { readResource, type EncounterView, type MessageHeaderView } from './resource-view';
import { toAdmission } from './to-admission';
import { toDischarge } from './to-discharge';

type MessageBundle = { bundle: R4Bundle; header: MessageHeaderView; entries: BundleEntryView[] };

/**
 * `POST /fhir/$process-message`: a Da Vinci unsolicited notification (a message Bundle whose
 * MessageHeader focuses on the Encounter). The sender is MessageHeader.source.endpoint; the
 * message id is MessageHeader.id, which R4 acknowledgements quote and a resend keeps, whereas
 * Bundle.id names the envelope of one transmission.
 */
export function parseFhirMessageBundle(
  body: unknown,
  options: Pick<FhirIntakeOptions, 'receivedAt'>,
): FhirIntakeResult {
  const root = readRoot(body, 'Bundle');
  if (!root.ok) return rejected(400, root.issues);
  const message = readMessageBundle(root.value);
  if (!message.ok) return rejected(400, message.issues);
  const { bundle, header, entries } = message.value;
  const about = combine([
    withoutModifierExtensions(header.resource, header.path),
    messageIdOf(header),
    notificationKind(header),
    focusedEncounter(header, entries),
  ]);
  if (!about.ok) return rejected(422, about.issues);
  const [, messageId, kind, encounter] = about.value;
  const event = toEvent(kind, encounter, entries, options.receivedAt);
  if (!event.ok) return rejected(422, event.issues);
  return {
    ok: true,
    message: {
      source: {
        sender: header.resource.source.endpoint,
        messageId,
        ...(bundle.timestamp === undefined ? {} : { sentAt: bundle.timestamp.instant }),
      },
      event: event.value,
    },
  };
}

function readMessageBundle(json: unknown): Checked<MessageBundle> {
  const bundle = checkStructure(bundleSchema, json, 'Bundle');
  if (!bundle.ok) return bundle;
  const entries = combine(
    (bundle.value.entry ?? []).map(({ fullUrl, resource }, index) => {
      const at = fullUrl === undefined ? {} : { fullUrl };
      if (resource === undefined) return accept<BundleEntryView>(at);
      const view = readResource(resource, `Bundle.entry[${index}].resource`);
      return view.ok ? accept<BundleEntryView>({ ...at, view: view.value }) : view;
    }),
  );
  if (!entries.ok) return entries;
  if (bundle.value.type !== 'message') {
    return reject(
      issue(
        'invalid',
        'Bundle.type',
        `Bundle.type must be message for $process-message, not ${bundle.value.type}.`,
      ),
    );
  }
  const first = entries.value[0];
  if (first?.view === undefined) {
    const expression = first === undefined ? 'Bundle.entry' : 'Bundle.entry[0].resource';
    return reject(
      issue(
        'required',
        expression,
        `${expression} is required: a message starts with its MessageHeader.`,
      ),
    );
  }
  if (first.view.kind !== 'MessageHeader') {
    return reject(
      issue(
        'invalid',
        'Bundle.entry[0].resource',
        'Bundle.entry[0].resource must be the MessageHeader of the message.',
      ),
    );
  }
  return accept({ bundle: bundle.value, header: first.view, entries: entries.value });
}

function messageIdOf({ resource, path }: MessageHeaderView): Checked<string> {
  if (resource.id !== undefined) return accept(resource.id);
  return reject(
    issue(
      'required',
      `${path}.id`,
      `${path}.id is required: it identifies the message, so that a resend is recognised.`,
    ),
  );
}

/** The Encounter entry the first focus references; Da Vinci notifications focus on one. */
function focusedEncounter(
  { resource, path }: MessageHeaderView,
  entries: readonly BundleEntryView[],
): Checked<EncounterView> {
  const focus = resource.focus?.[0];
  if (focus === undefined) {
    return reject(
      issue(
        'required',
        `${path}.focus`,
        `${path}.focus is required: it references the Encounter the notification is about.`,
      ),
    );
  }
  const expression = `${path}.focus[0].reference`;
  if (focus.reference === undefined) {
    return reject(
      issue('required', expression, `${expression} is required: it references the Encounter.`),
    );
  }
  const target = resolveReference(focus.reference, { contained: [], entries });
  if (target === undefined) {
    return reject(
      issue('not-found', expression, `${expression} does not resolve to an entry of the Bundle.`),
    );
  }
  if (target.kind !== 'Encounter') {
    return reject(issue('invalid', expression, `${expression} must reference an Encounter.`));
  }
  return accept(target);
}

function toEvent(
  kind: NotificationKind,
  encounter: EncounterView,
  entries: readonly BundleEntryView[],
  receivedAt: string,
): Checked<FhirIntakeEvent> {
  switch (kind) {
    case 'discharge':
      return toDischarge(encounter, entries, receivedAt);
    case 'admission':
      return toAdmission(encounter, entries, receivedAt);
    default:
      return unknownKind(kind);
  }
}

function unknownKind(kind: never): never {
  throw new Error(`Unknown notification kind ${String(kind)}`);
}
