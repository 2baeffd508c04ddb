export { deriveKey, OAUTH_ACCESS_TOKEN_KEY } from "./derive-key";
export { hashPassword, verifyPassword } from "./passwords";
export {
  currentKey,
  isSealedWithCurrentKey,
  keyId,
  openSecret,
  parseSecretKey,
  parseSecretKeys,
  type SecretKeyInput,
  type SecretKeys,
  sealSecret,
} from "./secret-box";
export { generateToken, hashToken, tokenPrefix } from "./tokens";
