import type { User } from './api/types';

/** May check tickets in at the door (DESIGN §2, granted by an operator). */
export const DOOR = 'door';

export function hasRole(user: User | null, role: string): boolean {
  return user?.roles.includes(role) ?? false;
}
