'use client';

import './globals.css';

export default function GlobalError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body>
        <main>
          <div className="panel panel--narrow">
            <h1>Ticketing is having trouble</h1>
            <p className="muted">Please try again in a moment.</p>
            <button className="button" type="button" onClick={reset}>
              Try again
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
