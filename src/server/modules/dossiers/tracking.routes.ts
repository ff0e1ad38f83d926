import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/schemas/common';
import { TrackingParams, TrackingQuery, TrackingResponse } from '../../../shared/schemas/dossiers';
import { trackDossier } from './track-dossier';

/** Lookups per address per minute, and per dossier code per hour (guessing a code's secret from many addresses). */
export const TRACKING_LIMITS = { perIpPerMinute: 30, perCodePerHour: 60 } as const;

export default async function trackingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.ctx;

  r.get(
    '/api/tracking/:code',
    {
      schema: {
        tags: ['Tra cứu hồ sơ'],
        summary: 'Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu (hoặc số điện thoại người nộp); không có dữ liệu cá nhân',
        params: TrackingParams,
        querystring: TrackingQuery,
        response: { 200: TrackingResponse, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request) => {
      return trackDossier(database.db, request.params.code, request.query, [
        { key: `tracking:${request.ip}`, limit: TRACKING_LIMITS.perIpPerMinute, windowSeconds: 60 },
        { key: `tracking-code:${request.params.code}`, limit: TRACKING_LIMITS.perCodePerHour, windowSeconds: 3600 },
      ]);
    },
  );
}
