import type { Metadata } from 'next';

import { DoorCheckIn } from '@/components/door-check-in';
import { SignInRequired } from '@/components/sign-in-required';
import { currentUser } from '@/lib/api/server';
import { DOOR, hasRole } from '@/lib/roles';

export const metadata: Metadata = { title: 'Door' };

export default async function DoorPage() {
  const user = await currentUser();
  if (!user) {
    return <SignInRequired what="check tickets in at the door" next="/door" />;
  }
  if (!hasRole(user, DOOR)) {
    return (
      <div className="panel panel--narrow" data-testid="door-role-required">
        <h1>You need the door role</h1>
        <p className="muted">
          Checking tickets in is for door staff. Ask the event’s operator to give{' '}
          <strong className="account-email">{user.email}</strong> the door role; it takes effect the
          next time you sign in.
        </p>
      </div>
    );
  }
  return (
    <section className="panel panel--door">
      <h1>Door</h1>
      <p className="muted">
        Check each guest’s ticket in as they arrive. A code admits one person, once.
      </p>
      <DoorCheckIn />
    </section>
  );
}
