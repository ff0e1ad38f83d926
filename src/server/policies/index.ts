/** Loads every domain's rules; import this once before authorizing. */
import './users.policy';
import './units.policy';
import './catalog.policy';
import './audit.policy';
import './dossiers.policy';
import './petitions.policy';
import './payments.policy';
import './statistics.policy';
import './faq.policy';
import './surveys.policy';
import './ratings.policy';
import './unit-reports.policy';
import './reform-records.policy';

export { allow, can, authorize, abilitiesFor, inAgencyScope, isStaff } from './policy';
