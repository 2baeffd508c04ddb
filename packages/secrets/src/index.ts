export { hashPassword, verifyPassword } from "./passwords";
export { openSecret, parseSecretKey, sealSecret } from "./secret-box";
export { generateToken, hashToken, tokenPrefix } from "./tokens";
