import type { User } from './api/types';

/** May check tickets in at the door (DESIGN §2, granted by an operator). */
export const DOOR = 'door';

/** May look any payment up, refund it and read the ledger's balances (DESIGN §2). */
export const SUPPORT = 'support';

export function hasRole(user: User | null, role: string): boolean {
  return user?.roles.includes(role) ?? false;
}
