/** A coverage as the patients store keeps it; the member id is PHI. */
export interface PatientCoverageRecord {
  patientId: string;
  /** Who named it: the hospital feed, or a coordinator. */
  source: string;
  priority: number;
  payerId?: string;
  payerName?: string;
  planId?: string;
  planType?: string;
  memberId?: string;
  updatedAt: string;
}

/** A coverage's FHIR id: the patient, who named it and its order, e.g. `<patient>-feed-1`. */
export const coverageIdOf = ({
  patientId,
  source,
  priority,
}: Pick<PatientCoverageRecord, 'patientId' | 'source' | 'priority'>): string =>
  `${patientId}-${source}-${priority}`;

const COVERAGE_ID =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-([a-z]+)-([1-9]\d{0,8})$/;

/** The row a coverage id names, or undefined for an id no coverage can have. */
export function parseCoverageId(
  id: string,
): Pick<PatientCoverageRecord, 'patientId' | 'source' | 'priority'> | undefined {
  const match = COVERAGE_ID.exec(id);
  return match
    ? { patientId: match[1]!, source: match[2]!, priority: Number(match[3]) }
    : undefined;
}
