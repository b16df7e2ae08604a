import {
  applyDecorators,
  Body,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  type Type,
} from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, type Principal } from '@care/auth';
import { AcceptsBody, ZodPipe } from '@care/platform';
import type { EpisodeUpdateOutcome } from '@care/workflows';
import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import { episodeIdParam } from '../episodes/episode-id';
import { handoffIdParam } from './episode-action-requests';
import { IdempotencyKey } from './idempotency-key.decorator';
import type { EpisodeActionResult, RunEpisodeUpdate } from './run-episode-update.use-case';

/** Who asks, and what the path names beside the episode. */
export interface EpisodeActionCaller {
  subject: string;
  /** The hand-off of a path with `:handoffId`; '' on other paths. */
  handoffId: string;
}

/**
 * One action on an episode: a POST whose validated body becomes one update of the episode's
 * workflow. Every action has this shape: the answer carries the episode's new state, a step the
 * rules forbid is 409 naming the rule, an Idempotency-Key makes a retry answer as the first did,
 * and the audit log records the action and the fields it touches (never their values).
 */
export interface EpisodeActionRoute<
  Schema extends z.ZodType = z.ZodType,
  Outcome extends EpisodeUpdateOutcome = EpisodeUpdateOutcome,
  Arg = unknown,
> {
  /** Below `…/episodes/:episodeId/`; `:handoffId` is the only other parameter. */
  path: string;
  body: Schema;
  audit: { action: string; fields: string[] };
  update: UpdateDefinition<Outcome, [Arg]>;
  /** The update's argument, from the body and the caller (who acted comes from the token). */
  args(body: z.output<Schema>, caller: EpisodeActionCaller): Arg;
}

/** Declares a route with its types checked against each other. */
export const episodeAction = <Schema extends z.ZodType, Outcome extends EpisodeUpdateOutcome, Arg>(
  route: EpisodeActionRoute<Schema, Outcome, Arg>,
): EpisodeActionRoute => route;

interface RunsEpisodeUpdates {
  readonly run: RunEpisodeUpdate;
}

/**
 * Adds a handler per route to the controller, named by the route's key, as if each were written
 * out with its decorators: POST, 200, the body schema in the OpenAPI document, the audit entry,
 * and the principal, episode id, body, Idempotency-Key and hand-off id parameters.
 */
export function declareEpisodeActions(
  controller: Type<RunsEpisodeUpdates>,
  routes: Readonly<Record<string, EpisodeActionRoute>>,
): void {
  const prototype = controller.prototype as Record<string, unknown>;
  for (const [name, route] of Object.entries(routes)) {
    const handler = function (
      this: RunsEpisodeUpdates,
      principal: Principal,
      episodeId: string,
      body: unknown,
      key: string | undefined,
      handoffId = '',
    ): Promise<EpisodeActionResult<EpisodeUpdateOutcome>> {
      const arg = route.args(body, { subject: principal.subject, handoffId });
      return this.run.execute(principal, episodeId, route.update, [arg], key);
    };
    Object.defineProperty(handler, 'name', { value: name });
    Object.defineProperty(prototype, name, { value: handler, writable: true, configurable: true });
    const namesHandoff = route.path.includes(':handoffId');
    Reflect.defineMetadata(
      'design:paramtypes',
      [Object, String, Object, String, ...(namesHandoff ? [String] : [])],
      prototype,
      name,
    );
    CurrentPrincipal()(prototype, name, 0);
    Param('episodeId', episodeIdParam)(prototype, name, 1);
    Body(new ZodPipe(route.body))(prototype, name, 2);
    IdempotencyKey()(prototype, name, 3);
    if (namesHandoff)
      Param('handoffId', new ZodPipe(handoffIdParam, 'handoffId'))(prototype, name, 4);
    applyDecorators(
      Post(route.path),
      HttpCode(HttpStatus.OK),
      AcceptsBody(route.body),
      Audited(route.audit.action, route.audit.fields),
    )(prototype, name, Object.getOwnPropertyDescriptor(prototype, name));
  }
}
