import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { AuthForm } from '@/components/auth-form';
import { currentUser } from '@/lib/api/server';
import { safeNext } from '@/lib/navigation';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) {
    redirect(next);
  }
  return (
    <section className="panel panel--narrow">
      <h1>Create an account</h1>
      <p className="muted">Buy and sell tickets in minutes.</p>
      <AuthForm mode="signup" next={next} />
    </section>
  );
}
