import { Permission } from '../../shared/permissions';
import { allow } from './policy';

// Administrators read the audit trail; which rows they see is scoped in audit.queries.ts (province-wide
// administrators see everything, others what concerns the staff of their agency subtree).
allow<unknown>('audit_log', 'read', (actor) => actor.permissions.has(Permission.AUDIT_READ));
