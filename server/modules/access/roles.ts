import { registerEnumType } from 'type-graphql';

export enum Role {
  PROVINCE_LEADER = 'PROVINCE_LEADER',
  PROVINCE_ADMIN = 'PROVINCE_ADMIN',
  COMMUNE_CHAIR = 'COMMUNE_CHAIR',
  COMMUNE_OFFICER = 'COMMUNE_OFFICER',
  TEAM_LEADER = 'TEAM_LEADER',
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
}
registerEnumType(Role, { name: 'Role', description: 'Vai trò người dùng' });

/** The signed-in user as every service sees it. */
export interface Viewer {
  userId: number;
  role: Role;
  /** Areas the user acts on (province, commune or hamlets); their descendants are in scope too. */
  areaIds: number[];
  ip?: string;
}

/** Roles that see every area of the province. */
export const PROVINCE_ROLES: readonly Role[] = [Role.PROVINCE_LEADER, Role.PROVINCE_ADMIN];
