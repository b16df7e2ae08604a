import { useEffect, useRef, useState } from 'react';
import { problemFromError } from '../api/api-problem';
import type { Page, Problem, TimelineEntry } from '../api/contract';
import { useApi } from '../auth/auth-context';
import { ProblemView } from '../components/problem-view';
import { formatDateTime } from '../format/date-time';
import { describeTimelineEntry } from '../timeline/describe-timeline-entry';

/** Entries a page of the timeline holds, as the api pages it. */
const PAGE = 50;
/** The most entries one timeline request may ask for. */
const MOST = 500;

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const line = describeTimelineEntry(entry);
  return (
    <li>
      <p className="timeline-head">
        <strong>{line.label}</strong>{' '}
        <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
        {line.actor && <span className="muted"> by {line.actor}</span>}
      </p>
      {line.reason && <p>Reason: {line.reason}</p>}
      {line.details.map((detail) => (
        <p key={detail} className="muted">
          {detail}
        </p>
      ))}
    </li>
  );
}

/**
 * The episode's history, oldest first: the first page comes with the episode, "Load more"
 * continues it. When the episode is loaded again, the entries shown are loaded again with the
 * ones that followed them.
 */
export function TimelineSection({
  episodeId,
  firstPage,
}: {
  episodeId: string;
  firstPage: Page<TimelineEntry>;
}) {
  const api = useApi();
  const [page, setPage] = useState(firstPage);
  const [problem, setProblem] = useState<Problem>();
  const [loading, setLoading] = useState(false);
  const shown = useRef(page.items.length);
  useEffect(() => {
    shown.current = page.items.length;
  }, [page]);

  useEffect(() => {
    if (shown.current <= firstPage.items.length) {
      setPage(firstPage);
      return;
    }
    let current = true;
    // What was shown, and room for what happened since: an action's entry shows at the end.
    api.timeline(episodeId, { limit: Math.min(MOST, shown.current + PAGE) }).then(
      (reloaded) => current && setPage(reloaded),
      (error: unknown) => current && setProblem(problemFromError(error)),
    );
    return () => {
      current = false;
    };
  }, [api, episodeId, firstPage]);

  async function loadMore() {
    if (page.nextCursor === undefined || loading) return;
    setLoading(true);
    try {
      const next = await api.timeline(episodeId, { cursor: page.nextCursor });
      setPage({
        items: [...page.items, ...next.items],
        ...(next.nextCursor ? { nextCursor: next.nextCursor } : {}),
      });
      setProblem(undefined);
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setLoading(false);
    }
  }

  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">Timeline</h2>
      <ol aria-label="Timeline" className="timeline">
        {page.items.map((entry) => (
          <TimelineItem key={entry.eventId} entry={entry} />
        ))}
      </ol>
      {problem && <ProblemView problem={problem} />}
      {page.nextCursor !== undefined && (
        <button type="button" onClick={() => void loadMore()} aria-disabled={loading || undefined}>
          Load more
        </button>
      )}
    </section>
  );
}
