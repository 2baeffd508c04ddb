export { generateToken, hashToken, tokenPrefix } from "./tokens";
export { openSecret, parseSecretKey, sealSecret } from "./secret-box";
export { hashPassword, verifyPassword } from "./passwords";
