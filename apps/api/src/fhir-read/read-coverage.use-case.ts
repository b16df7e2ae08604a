import { Injectable } from '@nestjs/common';
import type { Coverage } from '@medplum/fhirtypes';
import { episodePayerClass } from './coverage-payer-class';
import { coverageResource } from './coverage.mapper';
import { EpisodeRecords } from './episode-records';
import { resourceNotFound } from './fhir-outcome.exception';
import { coverageFields } from './fhir-read-access';
import type { Served } from './fhir-request';
import { parseCoverageId } from './patient-coverage';
import { PatientCoverages } from './patient-coverages';

/** One of the tenant's patients' coverages; the member id only `withMemberId`. */
@Injectable()
export class ReadCoverage {
  constructor(
    private readonly coverages: PatientCoverages,
    private readonly records: EpisodeRecords,
  ) {}

  async execute(tenantId: string, id: string, withMemberId: boolean): Promise<Served<Coverage>> {
    const key = parseCoverageId(id);
    const coverage = key ? await this.coverages.find(tenantId, key) : undefined;
    if (!coverage) throw resourceNotFound('Coverage');
    const recorded = episodePayerClass(
      await this.records.ofPatient(coverage.patientId, tenantId),
      id,
    );
    return {
      resource: coverageResource(coverage, withMemberId, recorded?.payerClass),
      audit: {
        episodeIds: recorded ? [recorded.episodeId] : [],
        fields: coverageFields(withMemberId),
      },
    };
  }
}
