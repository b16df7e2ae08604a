import type { AdtParseResult } from './adt-parse-result';

/**
 * What goes back to the sender: an application acknowledgment (AA, AE, AR), an accept
 * acknowledgment (CA, CE, CR), or none.
 */
export type AcknowledgmentKind = 'application' | 'accept';

/** HL7 table 0155: always, never, on error only, on success only. */
const CONDITIONS = ['AL', 'NE', 'ER', 'SU'] as const;
type Condition = (typeof CONDITIONS)[number];

/**
 * The acknowledgment the sender asked for. With MSH-15 and MSH-16 both empty (original mode) it
 * is the application acknowledgment. In enhanced mode the one answer on the connection is the
 * application acknowledgment when MSH-16 asks for it, else the accept acknowledgment when MSH-15
 * does, else nothing: the message is applied at once, so no later application ACK follows. An
 * empty or unknown condition is read as AL, so the sender is answered rather than left waiting.
 */
export function acknowledgmentFor(result: AdtParseResult): AcknowledgmentKind | undefined {
  const accept = result.header?.acceptAckType ?? '';
  const application = result.header?.applicationAckType ?? '';
  if (accept === '' && application === '') return 'application';
  if (asked(application, result.ok)) return 'application';
  if (asked(accept, result.ok)) return 'accept';
  return undefined;
}

function asked(code: string, succeeded: boolean): boolean {
  const condition: Condition = (CONDITIONS as readonly string[]).includes(code)
    ? (code as Condition)
    : 'AL';
  switch (condition) {
    case 'AL':
      return true;
    case 'NE':
      return false;
    case 'ER':
      return !succeeded;
    case 'SU':
      return succeeded;
    default: {
      const unknownCondition: never = condition;
      return unknownCondition;
    }
  }
}
