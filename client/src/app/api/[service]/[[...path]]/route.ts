import { upstreams } from '@/lib/config';
import { forward } from '@/lib/proxy';

const targets = upstreams();

// Every request is forwarded as it comes; nothing here is cached or rendered ahead of time.
export const dynamic = 'force-dynamic';

const handle = (request: Request) => forward(request, targets);

export {
  handle as DELETE,
  handle as GET,
  handle as HEAD,
  handle as OPTIONS,
  handle as PATCH,
  handle as POST,
  handle as PUT,
};
