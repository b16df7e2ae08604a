/** The ADT trigger events this intake understands (MSH-9.2). */
export const ADT_TRIGGERS = ['A01', 'A03', 'A08', 'A11', 'A13'] as const;

export type AdtTrigger = (typeof ADT_TRIGGERS)[number];

export function isAdtTrigger(value: string): value is AdtTrigger {
  return (ADT_TRIGGERS as readonly string[]).includes(value);
}
