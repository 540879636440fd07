/** HTTP routes of the awards: evidence photos (upload, view) and certificate PDFs, with the services' access checks. */
import express, { type Request, type Response, Router } from 'express';
import type { Db } from '../../db/client';
import { AppError, UnauthenticatedError } from '../../errors';
import { todayInVietnam } from '../../dates';
import type { Viewer } from '../access/roles';
import { addEvidencePhoto, certificateFileForViewer, MAX_PHOTO_BYTES, photoForViewer } from './service';

const STATUS: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401, BAD_USER_INPUT: 400, CONFLICT: 409 };

function fail(res: Response, error: unknown) {
  if (error instanceof AppError) {
    const code = String(error.extensions.code);
    res.status(STATUS[code] ?? 400).json({ error: { code, message: error.message } });
    return;
  }
  console.error(error);
  res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Đã xảy ra lỗi trên máy chủ.' } });
}

/**
 * `viewerOf` turns a request into the signed-in user, the same way the GraphQL context does.
 * `publicBaseUrl` (configuration) starts the verification link on certificates: never the
 * request's Host or X-Forwarded-Host, which the sender chooses.
 */
export function awardsRouter(db: Db, viewerOf: (req: Request) => Viewer | null, publicBaseUrl: string): Router {
  const router = Router();
  const ctx = (req: Request) => ({ db, viewer: viewerOf(req), today: todayInVietnam() });

  router.post('/nominations/:id/photos',
    // The public is refused before its body is read: no stranger makes the server buffer 2 MB.
    (req, res, next) => (viewerOf(req) ? next() : fail(res, new UnauthenticatedError())),
    express.raw({ type: () => true, limit: MAX_PHOTO_BYTES + 1 }),
    async (req, res) => {
      try {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const note = typeof req.query.note === 'string' ? req.query.note : null;
        const id = await addEvidencePhoto(ctx(req), Number(req.params.id), body, note);
        res.status(201).json({ id, url: `/api/awards/evidence/${id}` });
      } catch (error) {
        fail(res, error);
      }
    });

  router.get('/evidence/:id', async (req, res) => {
    try {
      const photo = await photoForViewer(ctx(req), Number(req.params.id));
      res.set({ 'content-type': photo.mimeType, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' })
        .send(photo.content);
    } catch (error) {
      fail(res, error);
    }
  });

  router.get('/certificates/:code.pdf', async (req, res) => {
    try {
      const { pdf, fileName } = await certificateFileForViewer(ctx(req), req.params.code!, publicBaseUrl);
      res.set({ 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${fileName}"`,
        'cache-control': 'private, no-store' }).send(pdf);
    } catch (error) {
      fail(res, error);
    }
  });

  // A body over 2 MB is refused by express.raw before the service sees it: answer in Vietnamese.
  router.use((error: { type?: string }, _req: Request, res: Response, next: (e?: unknown) => void) => {
    if (error?.type === 'entity.too.large') res.status(413).json({ error: { code: 'BAD_USER_INPUT', message: 'Ảnh minh chứng tối đa 2 MB.' } });
    else next(error);
  });
  return router;
}
