/** POST /api/encrypt: a PNG in, its ECB, CBC, CTR or GCM ciphertext picture out (see lib/http/encrypt.ts). */
import { handleEncryptRequest } from '../../../lib/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = handleEncryptRequest;
export const GET = handleEncryptRequest;
export const HEAD = handleEncryptRequest;
export const PUT = handleEncryptRequest;
export const PATCH = handleEncryptRequest;
export const DELETE = handleEncryptRequest;
export const OPTIONS = handleEncryptRequest;
