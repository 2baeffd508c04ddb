"use client";

import { ConfirmRevokeButton } from "@/components/confirm-revoke-button";
import { revokeGrantAction } from "./actions";

/** Revokes a grant after a confirmation step. */
export function RevokeGrantButton({ grantId, label }: { grantId: string; label: string }) {
  return (
    <ConfirmRevokeButton
      action={revokeGrantAction}
      field={{ name: "grantId", value: grantId }}
      warning={`Agents using ${label} stop at once.`}
    />
  );
}
