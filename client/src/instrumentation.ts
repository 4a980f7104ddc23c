// Runs once when the server starts: a bad service URL stops it here, with the variable named,
// instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { upstreams } = await import('./lib/config');
    upstreams();
  }
}
