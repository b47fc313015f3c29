/**
 * The import upload: `POST /api/v1/import` as multipart/form-data, one or more `file` parts
 * (each at most IMPORT_MAX_BYTES, stored as temporary files and removed after the import) and
 * the options as form fields (`mapping` as JSON text).
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
  const flag = (value: unknown): boolean | undefined =>
    value === undefined ? undefined : value === 'true' || value === '1';
  return {
    label: body.label || undefined,
    type: body.type || undefined,
    mapping,
    dry_run: flag(body.dry_run),
    confirm: flag(body.confirm),
    files: files.map((f) => ({ name: f.originalname, path: f.path })),
  };
}

export function importRouter(
  handlers: Handlers,
  config: Config,
  validateResponses: boolean,
): Router {
  const router = Router();
  const { path } = contract.importFiles.http;
  router.post(
    path,
    bookmarkScope('importFiles'),
    async (req: Request, res: Response, next: NextFunction) => {
      const dir = await mkdtemp(join(tmpdir(), 'sn-upload-'));
      const upload = multer({
        dest: dir,
        limits: { fileSize: config.IMPORT_MAX_BYTES, files: MAX_FILES, fields: 10 },
      }).array('file', MAX_FILES);
      try {
        await new Promise<void>((resolve, reject) =>
          upload(req, res, (error: unknown) =>
            error ? reject(uploadError(error, config.IMPORT_MAX_BYTES)) : resolve(),
          ),
        );
        const files = (req.files ?? []) as Express.Multer.File[];
        const parsed = contract.importFiles.input.safeParse(formInput(req, files));
        if (!parsed.success) throw validationError(parsed.error);
        const output = await handlers.importFiles(parsed.data);
        if (validateResponses) checkOutput('importFiles', output);
        sendBookmark('importFiles', res, output);
        res.status(200).json(output);
      } catch (error) {
        next(error);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
  return router;
}
