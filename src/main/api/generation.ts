/**
 * Generation over HTTP. `POST /api/v1/graph/generate` waits for the run and answers with the
 * finished job (so a plain curl shows the counts); with `?async=true` it answers 202 at once with
 * the running job and its URL. `GET …/jobs/:id/events` streams the job as server-sent events.
 */
import { Router, type Response } from 'express';
import type { GenerationJob } from '../../shared/api';
import { contract, streams } from '../../shared/contract';
import { AppError, ErrorCode } from '../../shared/errors';
import { decodeQuery } from '../../shared/http';
import { z } from 'zod';
import { throttleProgress } from '../services/generation/throttle';
import type { Handlers } from '../services/types';
import { bookmarkScope, sendBookmark } from './bookmarks';
import type { JobControl } from './types';
import { checkOutput, inputOf, validateInput } from './validate';

const jobUrl = (id: string): string => `/api/v1/graph/generate/jobs/${encodeURIComponent(id)}`;
const AsyncFlag = z.object({ async: z.boolean().default(false) });
/** Heartbeats keep proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

function failure(job: GenerationJob): AppError {
  const code = ErrorCode.safeParse(job.error?.code);
  const undone = job.rolled_back ? ' Its partial writes were removed.' : '';
  if (job.status === 'cancelled')
    return new AppError('CANCELLED', `Generation job ${job.id} was cancelled.${undone}`);
  return new AppError(
    code.success ? code.data : 'INTERNAL',
    `${job.error?.message ?? `Generation job ${job.id} failed.`}${undone}`,
  );
}

function streamJob(res: Response, first: GenerationJob, jobs: JobControl): void {
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  res.write('retry: 3000\n\n');
  let sequence = 0;
  const throttle = throttleProgress((job) => {
    sequence += 1;
    res.write(
      `event: ${streams.generationEvents.event}\nid: ${sequence}\ndata: ${JSON.stringify(job)}\n\n`,
    );
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  let unsubscribe = (): void => undefined;
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    clearInterval(heartbeat);
    throttle.stop();
    unsubscribe();
    res.end();
  };
  throttle.update(first);
  if (first.status !== 'running') return finish();
  unsubscribe = jobs.subscribe(first.id, (job) => {
    throttle.update(job);
    if (job.status !== 'running') finish();
  });
  // The response closes when the client goes away.
  res.on('close', finish);
}

export function generationRouter(
  handlers: Handlers,
  jobs: JobControl,
  validateResponses: boolean,
): Router {
  const router = Router();
  router.post(
    contract.startGeneration.http.path,
    bookmarkScope('startGeneration'),
    validateInput('startGeneration'),
    async (req, res) => {
      const flags = AsyncFlag.safeParse(decodeQuery(AsyncFlag, req.query));
      if (!flags.success)
        throw new AppError('VALIDATION_ERROR', 'async must be true or false', [
          { field: 'async', message: 'expected true or false' },
        ]);
      const started = await handlers.startGeneration(inputOf(req, 'startGeneration'));
      if (flags.data.async) {
        if (validateResponses) checkOutput('startGeneration', started);
        sendBookmark('startGeneration', res, started);
        res.status(202).location(jobUrl(started.id)).json(started);
        return;
      }
      const finished = await jobs.wait(started.id);
      if (validateResponses) checkOutput('startGeneration', finished);
      sendBookmark('startGeneration', res, finished);
      if (finished.status !== 'succeeded') throw failure(finished);
      res.status(200).location(jobUrl(finished.id)).json(finished);
    },
  );
  router.get(streams.generationEvents.path, validateInput('getGenerationJob'), async (req, res) => {
    const job = await handlers.getGenerationJob(inputOf(req, 'getGenerationJob'));
    streamJob(res, job, jobs);
  });
  return router;
}
