import { type DestinationStream, type Logger, pino } from "pino";

/** The gateway's structured logger; credentials are redacted wherever they could appear. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "gateway" },
    redact: {
      paths: [
        "token",
        "authorization",
        "*.authorization",
        "*.cookie",
        "*.headers.authorization",
        "*.headers.cookie",
      ],
      censor: "[REDACTED]",
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
