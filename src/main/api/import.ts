/**
 * The import upload: `POST /api/v1/import` as multipart/form-data, one or more `file` parts
 * (each at most IMPORT_MAX_BYTES, stored as temporary files and removed after the import) and
 * the options as form fields (`mapping` as JSON text). It answers with the report once the
 * import has ended; `POST /api/v1/import/jobs` takes the same form and answers 202 at once with
 * the running job (read and cancel it at `/api/v1/import/jobs/:id`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Router, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { contract } from '../../shared/contract';
import { AppError, validationError } from '../../shared/errors';
import type { Config } from '../config/env';
import type { Handlers } from '../services/types';
import type { ImportEvents } from './types';
import { bookmarkScope, sendBookmark } from './bookmarks';
import { checkOutput } from './validate';

const MAX_FILES = 20;

function uploadError(error: unknown, maxBytes: number): AppError {
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE')
      return new AppError(
        'PAYLOAD_TOO_LARGE',
        `A file is over the import limit of ${maxBytes} bytes (IMPORT_MAX_BYTES)`,
        [{ field: 'file', message: 'over the size limit', bound: maxBytes }],
      );
    return new AppError('VALIDATION_ERROR', `The upload is refused: ${error.message}`, [
      { field: error.field ?? 'file', message: error.message },
    ]);
  }
  return new AppError('VALIDATION_ERROR', 'The upload is not a readable multipart form', [
    { field: 'body', message: 'expected multipart/form-data' },
  ]);
}

function formInput(req: Request, files: Express.Multer.File[]): unknown {
  const body = (req.body ?? {}) as Record<string, unknown>;
  let mapping: unknown = body.mapping;
  if (typeof mapping === 'string' && mapping.trim()) {
    try {
      mapping = JSON.parse(mapping) as unknown;
    } catch {
      throw new AppError('VALIDATION_ERROR', 'mapping must be JSON text', [
        { field: 'mapping', message: 'expected a JSON object of column → property' },
      ]);
    }
  } else mapping = undefined;
  // A form field is text: true/1 and false/0 are the flags; anything else is passed on to be
  // refused by the schema, naming the field.
  const flag = (value: unknown): unknown =>
    value === ''
      ? undefined
      : value === 'true' || value === '1'
        ? true
        : value === 'false' || value === '0'
          ? false
          : value;
  return {
    label: body.label || undefined,
    type: body.type || undefined,
    mapping,
    dry_run: flag(body.dry_run),
    confirm: flag(body.confirm),
    files: files.map((f) => ({ name: f.originalname, path: f.path })),
  };
}

const jobUrl = (id: string): string =>
  contract.getImportJob.http.path.replace(':id', encodeURIComponent(id));

/** Stores the upload's files in a temporary folder and parses the form as the operation's input. */
async function receive(
  name: 'importFiles' | 'startImport',
  req: Request,
  res: Response,
  dir: string,
  maxBytes: number,
) {
  const upload = multer({
    dest: dir,
    limits: { fileSize: maxBytes, files: MAX_FILES, fields: 10 },
  }).array('file', MAX_FILES);
  await new Promise<void>((resolve, reject) =>
    upload(req, res, (error: unknown) =>
      error ? reject(uploadError(error, maxBytes)) : resolve(),
    ),
  );
  const files = (req.files ?? []) as Express.Multer.File[];
  const parsed = contract[name].input.safeParse(formInput(req, files));
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export function importRouter(
  handlers: Handlers,
  imports: ImportEvents,
  config: Config,
  validateResponses: boolean,
): Router {
  const router = Router();
  const temporary = (): Promise<string> => mkdtemp(join(tmpdir(), 'sn-upload-'));
  const remove = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });
  router.post(
    contract.importFiles.http.path,
    bookmarkScope('importFiles'),
    async (req: Request, res: Response, next: NextFunction) => {
      const dir = await temporary();
      try {
        const input = await receive('importFiles', req, res, dir, config.IMPORT_MAX_BYTES);
        const output = await handlers.importFiles(input);
        if (validateResponses) checkOutput('importFiles', output);
        sendBookmark('importFiles', res, output);
        res.status(200).json(output);
      } catch (error) {
        next(error);
      } finally {
        await remove(dir);
      }
    },
  );
  // The job reads the stored files after the answer: they go when it ends.
  router.post(
    contract.startImport.http.path,
    bookmarkScope('startImport'),
    async (req: Request, res: Response, next: NextFunction) => {
      const dir = await temporary();
      let running = false;
      try {
        const input = await receive('startImport', req, res, dir, config.IMPORT_MAX_BYTES);
        const job = await handlers.startImport(input);
        if (validateResponses) checkOutput('startImport', job);
        running = true;
        const unsubscribe = imports.subscribe(job.id, (update) => {
          if (update.status === 'running') return;
          queueMicrotask(() => unsubscribe());
          void remove(dir);
        });
        res.status(202).location(jobUrl(job.id)).json(job);
      } catch (error) {
        next(error);
      } finally {
        if (!running) await remove(dir);
      }
    },
  );
  return router;
}
