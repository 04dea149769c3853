/**
 * Types for the Wycheproof schemas used here — aead_test_schema_v1 (AES-GCM) and ind_cpa_test_schema_v1
 * (AES-CBC-PKCS5) — and a loader for the fixtures.
 */
import { readVectorFile } from './fixtures';

interface TestVector {
  tcId: number;
  comment: string;
  flags: string[];
  key: string;
  iv: string;
  msg: string;
  ct: string;
  result: 'valid' | 'invalid' | 'acceptable';
}

interface TestGroup<T extends TestVector> {
  keySize: number;
  ivSize: number;
  tests: T[];
}

export interface AeadTestVector extends TestVector {
  aad: string;
  tag: string;
}

export interface AeadTestGroup extends TestGroup<AeadTestVector> {
  type: 'AeadTest';
  tagSize: number;
}

/** An unauthenticated cipher's test: `ct` is the whole ciphertext (padding included for CBC-PKCS5). */
export type IndCpaTestVector = TestVector;

export interface IndCpaTestGroup extends TestGroup<IndCpaTestVector> {
  type: 'IndCpaTest';
}

export interface WycheproofFile<G> {
  algorithm: string;
  numberOfTests: number;
  testGroups: G[];
}

export type AeadTestFile = WycheproofFile<AeadTestGroup>;
export type IndCpaTestFile = WycheproofFile<IndCpaTestGroup>;

/** A fixture under tests/fixtures/vectors/, e.g. `readWycheproof<AeadTestFile>('wycheproof/aes_gcm_test_256.json')`. */
export function readWycheproof<F extends WycheproofFile<unknown> = AeadTestFile>(path: string): F {
  return JSON.parse(readVectorFile(path)) as F;
}
