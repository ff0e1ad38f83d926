import type { Actor } from '../../auth/actor';
import { abilitiesFor } from '../../policies';
import { Permission } from '../../../shared/permissions';
import { maskIdNumber, maskPhone } from '../../../shared/text';
import { OWN_ACCOUNT_ACTIONS, USER_ACTIONS, type UserDetail, type UserListItem } from '../../../shared/schemas/users';
import { userSubject, type UserRow } from './users.queries';

const iso = (value: Date | string) => new Date(value).toISOString();

function references(row: UserRow) {
  return {
    agency: row.agencyId ? { id: row.agencyId, name: row.agencyName!, shortName: row.agencyShortName! } : null,
    department: row.departmentId ? { id: row.departmentId, name: row.departmentName! } : null,
  };
}

/** The actor's abilities on an account; enable/disable only where the status allows it. */
export function userAbilities(actor: Actor, row: UserRow): Record<string, boolean> {
  const subject = userSubject(row);
  const abilities = abilitiesFor(actor, 'user', subject, [...USER_ACTIONS, ...OWN_ACCOUNT_ACTIONS]);
  abilities.disable = abilities.disable! && row.status === 'active';
  abilities.enable = abilities.enable! && row.status === 'disabled';
  return abilities;
}

/** The ID number in full for its owner and for staff who handle personal data; masked for everyone else. */
export function revealsIdNumber(actor: Actor, row: UserRow): boolean {
  return actor.userId === row.id || actor.permissions.has(Permission.PERSONAL_DATA_READ);
}

export function presentUser(actor: Actor, row: UserRow): UserDetail {
  return {
    id: row.id,
    kind: row.kind === 'staff' ? 'staff' : 'citizen',
    fullName: row.fullName,
    username: row.username,
    idNumber: revealsIdNumber(actor, row) ? row.idNumber : maskIdNumber(row.idNumber),
    idNumberMasked: maskIdNumber(row.idNumber),
    phone: row.phone,
    email: row.email,
    address: row.address,
    dateOfBirth: row.dateOfBirth,
    organisationName: row.organisationName,
    taxCode: row.taxCode,
    ...references(row),
    roles: row.roles,
    status: row.status === 'disabled' ? 'disabled' : 'active',
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    abilities: userAbilities(actor, row),
  };
}

export function presentUserListItem(row: UserRow): UserListItem {
  return {
    id: row.id,
    kind: row.kind === 'staff' ? 'staff' : 'citizen',
    fullName: row.fullName,
    username: row.username,
    idNumberMasked: maskIdNumber(row.idNumber),
    phoneMasked: maskPhone(row.phone),
    email: row.email,
    ...references(row),
    roles: row.roles,
    status: row.status === 'disabled' ? 'disabled' : 'active',
    createdAt: iso(row.createdAt),
  };
}
