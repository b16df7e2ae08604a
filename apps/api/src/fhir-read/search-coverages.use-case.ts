import { Injectable } from '@nestjs/common';
import type { Bundle } from '@medplum/fhirtypes';
import { episodePayerClass } from './coverage-payer-class';
import { coverageResource } from './coverage.mapper';
import { EpisodeRecords } from './episode-records';
import { coverageFields } from './fhir-read-access';
import type { Served } from './fhir-request';
import { passes } from './fhir-search-specs';
import { coverageIdOf } from './patient-coverage';
import { PatientCoverages } from './patient-coverages';
import type { PatientSearch } from './search-params';
import { searchset } from './searchset';

/**
 * A patient's coverages from the patients store, each with the payer class the patient's
 * episodes recorded for it; member ids only `withMemberId`.
 */
@Injectable()
export class SearchCoverages {
  constructor(
    private readonly coverages: PatientCoverages,
    private readonly records: EpisodeRecords,
  ) {}

  async execute(
    tenantId: string,
    search: PatientSearch,
    withMemberId: boolean,
    base: string,
    self: string,
  ): Promise<Served<Bundle>> {
    const stored = await this.coverages.ofPatient(tenantId, search.patientId);
    const records =
      stored.length > 0 ? await this.records.ofPatient(search.patientId, tenantId) : [];
    const matches = stored.map((coverage) => {
      const recorded = episodePayerClass(records, coverageIdOf(coverage));
      return {
        resource: coverageResource(coverage, withMemberId, recorded?.payerClass),
        episodeId: recorded?.episodeId,
      };
    });
    const served = matches.filter(({ resource }) => passes(search.tokens.status, resource.status));
    return {
      resource: searchset(
        base,
        self,
        served.map(({ resource }) => resource),
      ),
      audit: {
        episodeIds: [...new Set(served.flatMap(({ episodeId }) => (episodeId ? [episodeId] : [])))],
        fields: coverageFields(withMemberId),
      },
    };
  }
}
