/** MSH-11.1 values this intake takes: production, debugging, training. */
export const PROCESSING_IDS = ['P', 'D', 'T'] as const;

export type ProcessingId = (typeof PROCESSING_IDS)[number];

export function isProcessingId(value: string): value is ProcessingId {
  return (PROCESSING_IDS as readonly string[]).includes(value);
}
