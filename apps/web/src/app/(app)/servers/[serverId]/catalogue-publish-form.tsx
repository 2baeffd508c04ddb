"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormAlert } from "@/components/form-alert";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/server/form-state";
import { setCataloguePublishedAction } from "./catalogue-publish-actions";

type Props = { serverId: string; publishedAt: string | null; publicPath: string; canPublish: boolean };

/** The admin switch that puts this server's tool list in the public catalogue (off by default). */
export function CataloguePublishForm({ serverId, publishedAt, publicPath, canPublish }: Props) {
  const [state, action] = useActionState<FormState, FormData>(setCataloguePublishedAction, {});
  const published = publishedAt !== null;
  return (
    <section aria-labelledby="public-catalogue-heading" className={`${styles.card} mt-8 p-6`}>
      <h2 id="public-catalogue-heading" className="text-base font-semibold">
        Public catalogue
      </h2>
      <p className="mt-1 text-sm text-slate-600" data-testid="catalogue-publish-state">
        {published ? (
          <>
            Published: its name and tool list are public at{" "}
            <Link href={publicPath} className={styles.link}>
              {publicPath}
            </Link>
            .
          </>
        ) : (
          "Not published. Publishing shows this server's name and tool list to everyone, never its URL or credentials."
        )}
      </p>
      {canPublish ? (
        <form action={action} className="mt-3 space-y-2">
          <FormAlert message={state.error} />
          <input type="hidden" name="serverId" value={serverId} />
          <input type="hidden" name="publish" value={published ? "0" : "1"} />
          <SubmitButton pendingLabel="Saving…">
            {published ? "Withdraw from the public catalogue" : "Publish to the public catalogue"}
          </SubmitButton>
        </form>
      ) : (
        <p className="mt-2 text-xs text-slate-500">Only admins can publish or withdraw it.</p>
      )}
    </section>
  );
}
