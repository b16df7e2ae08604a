import { markdownTable } from './markdown-table';
import type { CpuUse } from './process-cpu';
import type { MemoryGrowth, MemoryRow } from './workflow-memory';
import {
  TARGET_STARTS_PER_SECOND,
  type StartsResult,
  type TransitionsResult,
} from './workflow-throughput';

export interface WorkflowSummary {
  startedAt: string;
  /** The whole suite's run time, clean-up included. */
  minutes?: number;
  taskQueues: string[];
  maxCachedWorkflows: number;
  reuseV8Context: boolean;
  seconds: number;
  starts: StartsResult[];
  transitions: TransitionsResult[];
  memory: MemoryRow[];
  growth?: MemoryGrowth;
  cleanup?: { terminated: number; left: number; seconds: number };
}

const cpuCells = ({ cores, machineBusyPercent }: CpuUse) => [
  cores.worker,
  cores.temporal,
  cores.postgres,
  cores.kafka,
  cores.bench,
  cores.other,
  `${machineBusyPercent}%`,
];
const CPU_HEADERS = [
  'worker cores',
  'temporal cores',
  'postgres cores',
  'kafka cores',
  'bench cores',
  'other cores',
  'machine busy',
];

/** The suite's results as markdown: one table per scenario and the memory verdict. */
export function renderWorkflowSummary(summary: WorkflowSummary): string {
  const sections = [
    '# Workflow benchmark',
    `Started ${summary.startedAt}` +
      (summary.minutes === undefined ? '' : `, ran ${summary.minutes} min`) +
      `; task queues ${summary.taskQueues.join(', ')}; maxCachedWorkflows ` +
      `${summary.maxCachedWorkflows}, reuseV8Context ${summary.reuseV8Context}; ` +
      `${summary.seconds} s per timed scenario.`,
    `## Episode starts (update-with-start, target ${TARGET_STARTS_PER_SECOND}/s)`,
    markdownTable(
      [
        'clients',
        'recorded/s',
        'ratio to target',
        'p50 ms',
        'p99 ms',
        'failed',
        'backlog s',
        'settled/s',
        ...CPU_HEADERS,
      ],
      summary.starts.map((run) => [
        run.clients,
        run.recordedPerSecond,
        run.ratioToTarget,
        run.p50Ms,
        run.p99Ms,
        run.failed,
        run.backlogSeconds,
        run.settledPerSecond,
        ...cpuCells(run.cpu),
      ]),
    ),
    '"backlog s": time after the last call until every episode had started its clocks; ' +
      '"settled/s": episodes fully started (clocks running) per second of calls plus backlog.',
    '## State transitions (coordinator updates that recorded an event, at the open episodes below)',
    markdownTable(
      [
        'clients',
        'episodes',
        'cache',
        'transitions/s',
        'p50 ms',
        'p99 ms',
        'unchanged',
        'refused',
        'not yet',
        'failed',
        ...CPU_HEADERS,
      ],
      summary.transitions.map((run) => [
        run.clients,
        run.episodes,
        run.cache,
        run.transitionsPerSecond,
        run.p50Ms,
        run.p99Ms,
        run.unchanged,
        run.refused,
        run.notYet,
        run.failed,
        ...cpuCells(run.cpu),
      ]),
    ),
    '## Worker memory by open episodes',
    markdownTable(
      [
        'open episodes',
        'cached workflows',
        'RSS MiB',
        'peak RSS MiB',
        'main heap used MiB',
        'external MiB',
        'starts/s since previous row',
      ],
      summary.memory.map((row) => [
        row.openEpisodes,
        row.cachedWorkflows,
        row.rssMiB,
        row.peakRssMiB,
        row.heapUsedMiB,
        row.externalMiB,
        row.startsPerSecond ?? '',
      ]),
    ),
  ];
  if (summary.growth) {
    const { cacheLimit, rssPerThousandUntilFullMiB, rssPerThousandAfterFullMiB, flat } =
      summary.growth;
    sections.push(
      `RSS growth per 1,000 episodes: ${rssPerThousandUntilFullMiB} MiB up to the cache limit ` +
        `(${cacheLimit}), ${rssPerThousandAfterFullMiB} MiB beyond it: ` +
        (flat ? 'flat beyond the cache limit.' : 'NOT flat beyond the cache limit.'),
    );
  }
  if (summary.cleanup) {
    const { terminated, left, seconds } = summary.cleanup;
    sections.push(
      `Clean-up: ${terminated} episodes terminated in ${seconds} s; ${left} left running.`,
    );
  }
  return sections.join('\n\n');
}
