/** The care-episode vocabulary the console shares with the engine, from the pure domain library. */
export {
  careEpisodeStages,
  isTerminalStage,
  type CareEpisodeStage,
} from '../../../libs/domain/src/care-episode/care-episode-stage';
export { handoffDue, isOpenHandoff, type Handoff } from '../../../libs/domain/src/handoff/handoff';
export type { RiskTier } from '../../../libs/domain/src/risk/lace-index';
export { stuckReasons, type StuckReason } from '../../../libs/domain/src/stuck/stuck-reason';
