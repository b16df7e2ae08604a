import type { EpisodeView } from '../api/contract';
import { formatDateTime } from '../format/date-time';
import { humanize, stageLabel, stuckReasonLabel } from '../format/labels';

/** Where the episode stands, at the head of its page. */
export function EpisodeFacts({ episode }: { episode: EpisodeView }) {
  return (
    <dl className="facts">
      <div>
        <dt>Stage</dt>
        <dd>{stageLabel(episode.stage)}</dd>
      </div>
      <div>
        <dt>In stage since</dt>
        <dd>
          <time dateTime={episode.stageSince}>{formatDateTime(episode.stageSince)}</time>
        </dd>
      </div>
      <div>
        <dt>Risk tier</dt>
        <dd>{episode.riskTier ? humanize(episode.riskTier) : 'Not assessed'}</dd>
      </div>
      <div>
        <dt>Patient reference</dt>
        <dd>{episode.patientRef}</dd>
      </div>
      <div>
        <dt>Discharged</dt>
        <dd>
          <time dateTime={episode.dischargedAt}>{formatDateTime(episode.dischargedAt)}</time>
        </dd>
      </div>
      <div>
        <dt>Stuck</dt>
        <dd>
          {episode.stuck && episode.stuck.reasons.length > 0 ? (
            <>
              {episode.stuck.reasons.map(stuckReasonLabel).join(', ')}, since{' '}
              <time dateTime={episode.stuck.since}>{formatDateTime(episode.stuck.since)}</time>
            </>
          ) : (
            'No'
          )}
        </dd>
      </div>
    </dl>
  );
}
