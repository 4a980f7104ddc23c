// Liveness and readiness of the client's own server (the services have their own).
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'UP' }, { headers: { 'Cache-Control': 'no-store' } });
}
