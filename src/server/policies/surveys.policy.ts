import { Permission } from '../../shared/permissions';
import { SURVEY_ACTIONS } from '../../shared/schemas/surveys';
import type { Actor } from '../auth/actor';
import { allow, inAgencyScope } from './policy';

export interface SurveySubject {
  /** Path of the organising agency (the reform office that runs the campaign). */
  organiserAgencyPath: string;
}

const runsSurveys = (actor: Actor) => actor.userKind === 'staff' && actor.permissions.has(Permission.REFORM_MANAGE);

// Campaigns belong to the organiser's subtree; the agencies surveyed may be anywhere in the province.
allow<SurveySubject>('survey', ['read', 'results', ...SURVEY_ACTIONS], (actor, s) => runsSurveys(actor) && inAgencyScope(actor, s.organiserAgencyPath));
allow<unknown>('survey', 'create', (actor) => runsSurveys(actor) && !!actor.agencyId);
