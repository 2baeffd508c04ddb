import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { limitIntent } from "@/catalogue/limit-intent";
import { PolicyBuilder } from "@/components/builder/policy-builder";
import { styles } from "@/components/styles";
import { AppError } from "@/server/app-error";
import { getDeps } from "@/server/deps";
import { loadBuilderData } from "@/server/policies/builder-data";
import { builderHistory } from "@/server/policies/builder-history";
import { catalogueDraft } from "@/server/public-catalogue/catalogue-draft";
import { catalogueForRequest } from "@/server/public-catalogue/catalogue-for-request";
import { requireSession } from "@/server/session";
import { publishDraftAction, replayAction, rollbackAction } from "./actions";

export const metadata: Metadata = { title: "Policy builder" };

async function load(serverId: string) {
  const session = await requireSession();
  const db = getDeps().db;
  try {
    const [data, history] = await Promise.all([
      loadBuilderData(db, session.ctx, serverId),
      builderHistory(db, session.ctx, serverId),
    ]);
    return { data, history };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function PolicyBuilderPage({
  params,
  searchParams,
}: {
  params: Promise<{ serverId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { serverId } = await params;
  const { data, history } = await load(serverId);
  // "Limit this tool" from the public catalogue opens with its recommended rule as a draft.
  const intent = limitIntent(await catalogueForRequest(), await searchParams);
  const draft = intent === undefined ? undefined : catalogueDraft(intent, data.policy);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/servers/${data.server.id}`} className={styles.link}>
          ← {data.server.name}
        </Link>
      </p>
      <PolicyBuilder
        server={data.server}
        tenantId={data.tenantId}
        catalogue={data.catalogue}
        accessCatalogue={data.accessCatalogue}
        grants={data.grants}
        document={data.policy.document}
        draft={draft}
        version={data.policy.version}
        history={history}
        canPublish={data.canPublish}
        argumentValuesLogged={data.argumentValuesLogged}
        actions={{ publish: publishDraftAction, rollback: rollbackAction, replay: replayAction }}
      />
    </>
  );
}
