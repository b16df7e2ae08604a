import type { PayerClass } from '@care/domain';
import type { Coding } from '@medplum/fhirtypes';
import type { EpisodeRecord } from './episode-record';

/** PHDSC Source of Payment Typology, the US code system for who pays (US Core's Coverage.type). */
export const SOURCE_OF_PAYMENT = 'urn:oid:2.16.840.1.113883.3.221.5';

const PAYMENT_SOURCE: Record<PayerClass, Coding> = {
  medicare: { system: SOURCE_OF_PAYMENT, code: '1', display: 'MEDICARE' },
  medicare_advantage: {
    system: SOURCE_OF_PAYMENT,
    code: '11',
    display: 'Medicare Managed Care (Includes Medicare Advantage Plans)',
  },
  medicaid: { system: SOURCE_OF_PAYMENT, code: '2', display: 'MEDICAID' },
  commercial: { system: SOURCE_OF_PAYMENT, code: '5', display: 'PRIVATE HEALTH INSURANCE' },
  self_pay: { system: SOURCE_OF_PAYMENT, code: '81', display: 'Self-pay' },
  other: { system: SOURCE_OF_PAYMENT, code: '9', display: 'MISCELLANEOUS/OTHER' },
};

export const paymentSourceCoding = (payerClass: PayerClass): Coding => PAYMENT_SOURCE[payerClass];

/** The payer class an episode gave a coverage of the patients store, and which episode. */
export interface EpisodePayerClass {
  payerClass: PayerClass;
  episodeId: string;
}

/**
 * The payer class episodes recorded for the coverage `Coverage/<coverageId>` (by its
 * `coverageRef`): the latest one recorded in any of the patient's episodes.
 */
export function episodePayerClass(
  records: readonly EpisodeRecord[],
  coverageId: string,
): EpisodePayerClass | undefined {
  const reference = `Coverage/${coverageId}`;
  let latest: (EpisodePayerClass & { at: number }) | undefined;
  for (const { episode } of records) {
    for (const coverage of episode.coverages ?? []) {
      const at = Date.parse(coverage.at);
      if (coverage.coverageRef === reference && (latest === undefined || at >= latest.at)) {
        latest = { payerClass: coverage.payerClass, episodeId: episode.episodeId, at };
      }
    }
  }
  return latest && { payerClass: latest.payerClass, episodeId: latest.episodeId };
}
