export { deriveKey, OAUTH_ACCESS_TOKEN_KEY } from "./derive-key";
export { hashPassword, verifyPassword } from "./passwords";
export { openSecret, parseSecretKey, sealSecret } from "./secret-box";
export { generateToken, hashToken, tokenPrefix } from "./tokens";
