import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { AuthForm } from '@/components/auth-form';
import { currentUser } from '@/lib/api/server';
import { safeNext } from '@/lib/navigation';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
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
      <h1>Sign in</h1>
      <p className="muted">Welcome back.</p>
      <AuthForm mode="signin" next={next} />
    </section>
  );
}
