/** One access to patient data: who, in what role and tenant, did what to which episodes. */
export interface AuditEntry {
  requestId: string;
  subject: string;
  roles: string[];
  tenantId: string;
  /** e.g. `episode.read`, `discharge.record`, `payload.decode`. */
  action: string;
  /** Every episode the request read or wrote; a list answer names each one. */
  episodeIds: string[];
  /** The patient-data fields read or written; never their values. */
  fields: string[];
  status: number;
}
