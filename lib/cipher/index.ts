/** The frame-cipher core: framework-free, for Node and browsers alike. */
export { AuthenticationError, PaddingError } from './errors';
export { parseHex, toHex } from './hex';
export { asBytes, checkFrame, type Frame } from './frame';
export { checkBits, depthMask, MAX_BITS, MIN_BITS } from './depth';
export {
  bytesPerPixel,
  checkLayout,
  LAYOUTS,
  luma,
  packFrame,
  plaintextLength,
  unpackFrame,
  type Layout,
} from './layout';
export { checkKey, checkMode, generateKey, MODE_INFO, MODES, parseKey, randomBytes, type Mode } from './keys';
export { BLOCK, paddedLength } from './pkcs7';
export { ecbCiphertextLength, ecbDecrypt, ecbEncrypt } from './ecb';
export { cbcDecrypt, cbcEncrypt } from './cbc';
export { NOBLE_AES, type AesEngine } from './engine';
export { ctrDecrypt, ctrEncrypt } from './ctr';
export { checkIv, IV_LENGTH, IV_MODES, takesIv, type IvMode } from './iv';
export { checkNonce, gcmDecrypt, gcmDecryptAsync, gcmEncrypt, gcmEncryptAsync, NONCE_LENGTH, TAG_LENGTH } from './gcm';
export { NonceSequence, SALT_LENGTH } from './nonce';
export { toPicture, trailingBytes, type PictureSource } from './picture';
export {
  decryptBytes,
  decryptFrame,
  encryptFrame,
  encryptPacked,
  expectedCiphertextLength,
  type EncryptedFrame,
  type FrameCipherOptions,
} from './frame-cipher';
