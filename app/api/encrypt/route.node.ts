/** POST /api/encrypt: a PNG in, its ECB, CBC, CTR or GCM ciphertext picture out (see lib/http/encrypt.ts). */
import { EncryptPool, handleEncryptRequest, poolOptionsFromEnv } from '../../../lib/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

let pool: EncryptPool | null = null;

/** The server's one pool of worker threads, started by the first request. */
function handle(request: Request): Promise<Response> {
  pool ??= new EncryptPool(poolOptionsFromEnv());
  return handleEncryptRequest(request, pool);
}

export const POST = handle;
export const GET = handle;
export const HEAD = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;
