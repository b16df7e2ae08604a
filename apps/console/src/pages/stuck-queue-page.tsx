import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { problemFromError } from '../api/api-problem';
import { useApi } from '../auth/auth-context';
import { ActionDialog, type ActionInput } from '../components/action-dialog';
import { OutcomeNotice, type Outcome } from '../components/outcome-notice';
import { ProblemView } from '../components/problem-view';
import {
  careEpisodeStages,
  isTerminalStage,
  stuckReasons,
  type CareEpisodeStage,
  type StuckReason,
} from '../domain';
import { stageLabel, stuckReasonLabel } from '../format/labels';
import { useCoalescedCallback } from '../hooks/use-coalesced-callback';
import { useStreamNotices } from '../stream/ops-stream-context';
import { isStuckSort, sortStuck, stuckSorts, type StuckSort } from '../stuck/stuck-sort';
import { StuckTable } from '../stuck/stuck-table';
import { useSetSearchParam } from '../hooks/use-set-search-param';
import { useStuckQueue } from '../stuck/use-stuck-queue';

const openStages = careEpisodeStages.filter((stage) => !isTerminalStage(stage));

const oneOf = <Value extends string>(values: readonly Value[], raw: string | null) =>
  values.find((value) => value === raw);

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function StuckQueuePage() {
  const api = useApi();
  const [params] = useSearchParams();
  const reason: StuckReason | undefined = oneOf(stuckReasons, params.get('reason'));
  const stage: CareEpisodeStage | undefined = oneOf(openStages, params.get('stage'));
  const sortParam = params.get('sort');
  const sort: StuckSort = isStuckSort(sortParam) ? sortParam : 'longest-stuck';
  const queue = useStuckQueue({ ...(reason ? { reason } : {}), ...(stage ? { stage } : {}) });
  const rows = useMemo(() => sortStuck(queue.items, sort), [queue.items, sort]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const picked = rows.filter((row) => selected.has(row.episodeId)).map((row) => row.episodeId);
  const [escalating, setEscalating] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  // An episode that is no longer stuck leaves, a newly stuck one joins: refetch on any change.
  useStreamNotices(useCoalescedCallback(queue.refresh, 300));

  const setParam = useSetSearchParam();

  const select = (episodeId: string, pick: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (pick) next.add(episodeId);
      else next.delete(episodeId);
      return next;
    });

  async function escalateSelected({ reason: why }: ActionInput) {
    const refused: { episodeId: string; why: string }[] = [];
    for (const episodeId of picked) {
      try {
        await api.escalate(episodeId, why);
      } catch (error) {
        const { title, detail } = problemFromError(error);
        refused.push({ episodeId, why: detail ? `${title}: ${detail}` : title });
      }
    }
    const escalated = picked.length - refused.length;
    setOutcome(
      refused.length === 0
        ? { message: `Escalated ${plural(escalated, 'episode')}.` }
        : {
            message: `Escalated ${escalated} of ${plural(picked.length, 'episode')}; refused:`,
            details: refused.map((refusal) => `${refusal.episodeId}: ${refusal.why}`),
            warning: true,
          },
    );
    // The refused ones stay selected, ready for another try.
    setSelected(new Set(refused.map((refusal) => refusal.episodeId)));
    setEscalating(false);
    queue.refresh();
  }

  function openEscalation() {
    if (picked.length === 0) {
      setOutcome({ message: 'Select the episodes to escalate first.', warning: true });
      return;
    }
    setOutcome(undefined);
    setEscalating(true);
  }

  return (
    <>
      <title>Stuck queue · Care transitions console</title>
      <h1>Stuck queue</h1>
      <form className="toolbar" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="stuck-reason">Reason</label>
          <select
            id="stuck-reason"
            value={reason ?? ''}
            onChange={(event) => setParam('reason', event.target.value)}
          >
            <option value="">All reasons</option>
            {stuckReasons.map((code) => (
              <option key={code} value={code}>
                {stuckReasonLabel(code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="stuck-stage">Stage</label>
          <select
            id="stuck-stage"
            value={stage ?? ''}
            onChange={(event) => setParam('stage', event.target.value)}
          >
            <option value="">All stages</option>
            {openStages.map((code) => (
              <option key={code} value={code}>
                {stageLabel(code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="stuck-sort">Sort by</label>
          <select
            id="stuck-sort"
            value={sort}
            onChange={(event) => setParam('sort', event.target.value)}
          >
            {Object.entries(stuckSorts).map(([key, { label }]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </form>
      <div className="toolbar">
        <button type="button" onClick={openEscalation}>
          Escalate selected
        </button>
        <span className="muted">{plural(picked.length, 'episode')} selected</span>
      </div>
      {outcome && <OutcomeNotice outcome={outcome} />}
      {queue.problem && <ProblemView problem={queue.problem} />}
      <StuckTable
        rows={rows}
        selected={selected}
        onSelect={select}
        onSelectAll={(pick) => setSelected(new Set(pick ? rows.map((row) => row.episodeId) : []))}
      />
      {rows.length === 0 && !queue.loading && (
        <p className="empty">No episode is stuck{reason || stage ? ' with these filters' : ''}.</p>
      )}
      <div className="toolbar">
        <span className="muted">
          {plural(rows.length, 'episode')} loaded{queue.loading ? ', loading…' : ''}
        </span>
        {queue.nextCursor !== undefined && (
          <button type="button" onClick={queue.loadMore}>
            Load more
          </button>
        )}
      </div>
      {escalating && (
        <ActionDialog
          title="Escalate selected episodes"
          onConfirm={escalateSelected}
          onClose={() => setEscalating(false)}
        >
          <p>
            Escalates {plural(picked.length, 'episode')} to their care teams&apos; leads, each with
            this reason.
          </p>
        </ActionDialog>
      )}
    </>
  );
}
