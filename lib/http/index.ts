/** The encryption endpoint without the framework: web Request in, Response out. */
export { readLimitedBody, MAX_BODY_BYTES } from './body';
export { HttpError, jsonError } from './errors';
export { ENCRYPT_PARAMETERS, parseEncryptParams } from './params';
export { handleEncryptRequest } from './encrypt';
export { DEFAULT_QUEUE, EncryptPool, poolOptionsFromEnv, type EncryptPoolOptions, type PoolSlot } from './encrypt-pool';
