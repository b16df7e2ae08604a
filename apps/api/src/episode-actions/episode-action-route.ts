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
import type { EpisodeView } from '../episodes/episode-view';
import { IdempotencyKey } from './idempotency-key.decorator';
import type { KeepPatientDetails } from './keep-patient-details.use-case';
import type { EpisodeActionResult, RunEpisodeUpdate } from './run-episode-update.use-case';

/** Who asks, and what the path names beside the episode, each parameter validated. */
export interface EpisodeActionCaller<Params extends string = string> {
  subject: string;
  tenantId: string;
  params: Readonly<Record<Params, string>>;
}

/** The stores a route's `before` step may write, beside the episode's workflow. */
export interface EpisodeActionStores {
  patientDetails: KeepPatientDetails;
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
  Params extends string = string,
  Prepared = unknown,
> {
  /** Below `…/episodes/:episodeId/`; each `:name` in it is declared in `params`. */
  path: string;
  /** The path's parameters beside the episode id, each with the schema that validates it. */
  params?: Readonly<Record<Params, z.ZodType<string>>>;
  body: Schema;
  audit: { action: string; fields: string[] };
  update: UpdateDefinition<Outcome, [Arg]>;
  /**
   * A step before the update, once the episode is known to be the caller's: what must not reach
   * the workflow (PHI) goes to the patients store, and the references it answers go on.
   */
  before?(
    body: z.output<Schema>,
    caller: EpisodeActionCaller<Params>,
    episode: EpisodeView,
    stores: EpisodeActionStores,
  ): Promise<Prepared>;
  /** The update's argument, from the body and the caller (who acted comes from the token). */
  args(body: z.output<Schema>, caller: EpisodeActionCaller<Params>, prepared: Prepared): Arg;
}

/** Declares a route with its types checked against each other. */
export const episodeAction = <
  Schema extends z.ZodType,
  Outcome extends EpisodeUpdateOutcome,
  Arg,
  Params extends string = never,
  Prepared = undefined,
>(
  route: EpisodeActionRoute<Schema, Outcome, Arg, Params, Prepared>,
): EpisodeActionRoute => route;

interface RunsEpisodeUpdates {
  readonly run: RunEpisodeUpdate;
  /** Needed by controllers whose routes have a `before` step. */
  readonly stores?: EpisodeActionStores;
}

const pathParamNames = (path: string): string[] =>
  [...path.matchAll(/:(\w+)/g)].map(([, name]) => name!);

/**
 * Adds a handler per route to the controller, named by the route's key, as if each were written
 * out with its decorators: POST, 200, the body schema in the OpenAPI document, the audit entry,
 * and the principal, episode id, body, Idempotency-Key and path parameters.
 */
export function declareEpisodeActions(
  controller: Type<RunsEpisodeUpdates>,
  routes: Readonly<Record<string, EpisodeActionRoute>>,
): void {
  const prototype = controller.prototype as Record<string, unknown>;
  for (const [name, route] of Object.entries(routes)) {
    const declared = Object.entries(route.params ?? {});
    const inPath = pathParamNames(route.path);
    const undeclared = inPath.filter((param) => !declared.some(([each]) => each === param));
    const unused = declared.filter(([param]) => !inPath.includes(param));
    if (undeclared.length > 0 || unused.length > 0) {
      throw new Error(
        `episode action ${name} (${route.path}): path parameters must match its params (${[...undeclared, ...unused.map(([param]) => param)].join(', ')})`,
      );
    }
    const handler = function (
      this: RunsEpisodeUpdates,
      principal: Principal,
      episodeId: string,
      body: unknown,
      key: string | undefined,
      ...values: string[]
    ): Promise<EpisodeActionResult<EpisodeUpdateOutcome>> {
      const caller: EpisodeActionCaller = {
        subject: principal.subject,
        tenantId: principal.tenantId,
        params: Object.fromEntries(declared.map(([param], index) => [param, values[index]!])),
      };
      if (!route.before) {
        return this.run.execute(
          principal,
          episodeId,
          route.update,
          [route.args(body, caller, undefined)],
          key,
        );
      }
      const stores = this.stores;
      if (!stores) throw new Error(`episode action ${name} needs the controller's stores`);
      const prepared = (episode: EpisodeView) => route.before!(body, caller, episode, stores);
      return this.run.execute(
        principal,
        episodeId,
        route.update,
        async (episode) => [route.args(body, caller, await prepared(episode))],
        key,
      );
    };
    Object.defineProperty(handler, 'name', { value: name });
    Object.defineProperty(prototype, name, { value: handler, writable: true, configurable: true });
    Reflect.defineMetadata(
      'design:paramtypes',
      [Object, String, Object, String, ...declared.map(() => String)],
      prototype,
      name,
    );
    CurrentPrincipal()(prototype, name, 0);
    Param('episodeId', episodeIdParam)(prototype, name, 1);
    Body(new ZodPipe(route.body))(prototype, name, 2);
    IdempotencyKey()(prototype, name, 3);
    declared.forEach(([param, schema], index) =>
      Param(param, new ZodPipe(schema, param))(prototype, name, 4 + index),
    );
    applyDecorators(
      Post(route.path),
      HttpCode(HttpStatus.OK),
      AcceptsBody(route.body),
      Audited(route.audit.action, route.audit.fields),
    )(prototype, name, Object.getOwnPropertyDescriptor(prototype, name));
  }
}
