import type { FastifyInstance } from 'fastify';
import authRoutes from './auth/auth.routes';
import healthRoutes from './health/health.routes';
import notificationsRoutes from './notifications/notifications.routes';
import unitsRoutes from './units/units.routes';
import agenciesRoutes from './units/agencies.routes';
import usersRoutes from './users/users.routes';
import apiTokensRoutes from './users/api-tokens.routes';
import auditRoutes from './audit/audit.routes';
import catalogRoutes from './catalog/catalog.routes';
import petitionsRoutes from './petitions/petitions.routes';
import paymentsRoutes from './payments/payments.routes';
import faqRoutes from './faq/faq.routes';
import calendarRoutes from './calendar/calendar.routes';
import filesRoutes from './files/files.routes';
import dossiersRoutes from './dossiers/dossiers.routes';
import trackingRoutes from './dossiers/tracking.routes';
import surveysRoutes from './surveys/surveys.routes';
import ratingsRoutes from './ratings/ratings.routes';
import formsRoutes from './forms/forms.routes';
import statisticsRoutes from './statistics/statistics.routes';
import documentsRoutes from './documents/documents.routes';
import reformPlansRoutes from './reform-plans/reform-plans.routes';

/** Every domain's routes. Each module registers its own `/api/<domain>` routes. */
export async function registerModules(app: FastifyInstance) {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(notificationsRoutes);
  await app.register(unitsRoutes);
  await app.register(agenciesRoutes);
  await app.register(usersRoutes);
  await app.register(apiTokensRoutes);
  await app.register(auditRoutes);
  await app.register(catalogRoutes);
  await app.register(petitionsRoutes);
  await app.register(paymentsRoutes);
  await app.register(faqRoutes);
  await app.register(calendarRoutes);
  await app.register(filesRoutes);
  await app.register(dossiersRoutes);
  await app.register(trackingRoutes);
  await app.register(surveysRoutes);
  await app.register(ratingsRoutes);
  await app.register(formsRoutes);
  await app.register(statisticsRoutes);
  await app.register(documentsRoutes);
  await app.register(reformPlansRoutes);
}
