export const payerClasses = [
  'medicare',
  'medicare_advantage',
  'medicaid',
  'commercial',
  'self_pay',
  'other',
] as const;

export type PayerClass = (typeof payerClasses)[number];

/** Rule 5: the payer classes that pay for TCM when a tenant names none. */
export const DEFAULT_TCM_PAYER_CLASSES: readonly PayerClass[] = ['medicare', 'medicare_advantage'];

export type CoverageSource = 'feed' | 'coordinator';

/**
 * The patient's coverage as recorded: the payer's class and name, never the member id (the
 * patients store keeps that behind `coverageRef`).
 */
export type Coverage = {
  at: string;
  payerClass: PayerClass;
  payerName?: string;
  planType?: string;
  coverageRef?: string;
  source: CoverageSource;
  /** Who documented it; the feed documents its own. */
  recordedBy?: string;
};

/** The coverage in force: the latest recorded, and of two at the same instant the later one. */
export const currentCoverage = (coverages: readonly Coverage[]): Coverage | undefined =>
  coverages.reduce<Coverage | undefined>(
    (latest, coverage) =>
      latest === undefined || Date.parse(coverage.at) >= Date.parse(latest.at) ? coverage : latest,
    undefined,
  );
