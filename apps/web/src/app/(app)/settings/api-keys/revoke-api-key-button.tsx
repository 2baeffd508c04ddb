"use client";

import { ConfirmRevokeButton } from "@/components/confirm-revoke-button";
import { revokeApiKeyAction } from "./actions";

/** Revokes an API key after a confirmation step. */
export function RevokeApiKeyButton({ apiKeyId, label }: { apiKeyId: string; label: string }) {
  return (
    <ConfirmRevokeButton
      action={revokeApiKeyAction}
      field={{ name: "apiKeyId", value: apiKeyId }}
      warning={`Scripts using ${label} stop at once.`}
    />
  );
}
