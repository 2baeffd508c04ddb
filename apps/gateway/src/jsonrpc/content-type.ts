import { GatewayError } from "../errors/gateway-error";

/** The Content-Type of every message the gateway sends upstream: its own, whatever the client sent. */
export const JSON_CONTENT_TYPE = "application/json";

/**
 * Refuses a client body the gateway could read differently from the upstream: a media type other than
 * JSON, or a charset other than UTF-8 (a charset-aware upstream would decode the bytes another way).
 * A missing Content-Type is read as JSON in UTF-8, which is what the gateway then sends on.
 */
export function checkContentType(header: string | undefined): void {
  if (header === undefined) return;
  const [mediaType = "", ...parameters] = header.split(";");
  const media = mediaType.trim().toLowerCase();
  if (media !== "application/json" && !media.endsWith("+json")) {
    throw new GatewayError(
      "unsupported_media_type",
      `Content-Type must be application/json, got '${media}'.`,
    );
  }
  for (const parameter of parameters) {
    const at = parameter.indexOf("=");
    const name = parameter
      .slice(0, at === -1 ? undefined : at)
      .trim()
      .toLowerCase();
    if (name !== "charset") continue;
    const value =
      at === -1
        ? ""
        : parameter
            .slice(at + 1)
            .trim()
            .replace(/^"(.*)"$/, "$1")
            .toLowerCase();
    if (value !== "utf-8" && value !== "utf8") {
      throw new GatewayError(
        "unsupported_media_type",
        `Only UTF-8 request bodies are accepted (Content-Type charset '${value}').`,
      );
    }
  }
}
