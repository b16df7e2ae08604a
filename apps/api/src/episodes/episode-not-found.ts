import { HttpStatus } from '@nestjs/common';
import { problemType, ProblemException } from '@care/platform';

/** Another tenant's episode is answered like a missing one: its existence is not disclosed. */
export const episodeNotFound = (episodeId: string): ProblemException =>
  new ProblemException({
    type: problemType('episode-not-found'),
    title: 'Episode not found',
    status: HttpStatus.NOT_FOUND,
    detail: `No episode ${episodeId}.`,
  });
