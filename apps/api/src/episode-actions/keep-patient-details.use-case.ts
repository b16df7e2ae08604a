import { HttpStatus, Injectable } from '@nestjs/common';
import {
  PatientContactsRepository,
  type EnteredCoverage,
  type PatientContactDetails,
} from '@care/patients';
import { ProblemException, problemType } from '@care/platform';
import { QueryFailedError } from 'typeorm';
import type { EpisodeView } from '../episodes/episode-view';
import {
  caregiverRef,
  contactDetailsRef,
  coverageRef,
  patientIdOf,
} from '../episodes/patient-store-refs';

/** PostgreSQL's foreign key violation: the patient is not in the store. */
const FOREIGN_KEY_VIOLATION = '23503';

const patientNotKept = (episode: EpisodeView) =>
  new ProblemException({
    type: problemType('patient-not-kept'),
    title: "The episode's patient is not in the patients store",
    status: HttpStatus.CONFLICT,
    detail: `Episode ${episode.episodeId} names a patient the patients store does not keep, so their details cannot be kept either.`,
  });

/** A caregiver as a coordinator names them; PHI, kept only in the patients store. */
export interface NamedCaregiver {
  name: string;
  relationship: string;
  phone?: string;
}

const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('en-US') === b.trim().toLocaleLowerCase('en-US');

/**
 * The PHI of a coordinator action (contact details, member ids, caregivers) goes to the patients
 * store of the episode's patient, under row-level security; the episode gets the reference.
 * Each step can be repeated (a retried request) without keeping anything twice.
 */
@Injectable()
export class KeepPatientDetails {
  constructor(private readonly contacts: PatientContactsRepository) {}

  /** The coordinator's coverage of the patient (the member id with it); answers its reference. */
  async enterCoverage(
    tenantId: string,
    episode: EpisodeView,
    coverage: EnteredCoverage,
  ): Promise<string> {
    const patientId = this.patientOf(episode);
    await this.kept(episode, () => this.contacts.enterCoverage(tenantId, patientId, coverage));
    return coverageRef(patientId, 'coordinator', 1);
  }

  /** Phones and emails replace the patient's earlier ones; answers their reference. */
  async setContactDetails(
    tenantId: string,
    episode: EpisodeView,
    details: PatientContactDetails,
  ): Promise<string> {
    const patientId = this.patientOf(episode);
    await this.kept(episode, () => this.contacts.setContactDetails(tenantId, patientId, details));
    return contactDetailsRef(patientId);
  }

  /**
   * The caregiver, brought up to date when the patient already has them (same name and
   * relationship), else added; answers their reference.
   */
  async keepCaregiver(
    tenantId: string,
    episode: EpisodeView,
    caregiver: NamedCaregiver,
  ): Promise<string> {
    const patientId = this.patientOf(episode);
    const caregiverId = await this.kept(episode, async () => {
      const known = (await this.contacts.caregivers(tenantId, patientId)).find(
        (candidate) =>
          sameName(candidate.name, caregiver.name) &&
          candidate.relationship === caregiver.relationship,
      );
      return this.contacts.keepCaregiver(tenantId, patientId, {
        ...caregiver,
        ...(known ? { caregiverId: known.caregiverId } : {}),
      });
    });
    if (!caregiverId) throw patientNotKept(episode);
    return caregiverRef(caregiverId);
  }

  private patientOf(episode: EpisodeView): string {
    const patientId = patientIdOf(episode.patientRef);
    if (!patientId) throw patientNotKept(episode);
    return patientId;
  }

  private async kept<T>(episode: EpisodeView, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError
        ?.code;
      if (error instanceof QueryFailedError && code === FOREIGN_KEY_VIOLATION) {
        throw patientNotKept(episode);
      }
      throw error;
    }
  }
}
