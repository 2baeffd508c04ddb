import type { Metadata } from "next";
import { styles } from "@/components/styles";
import { can } from "@/server/context";
import { getDeps } from "@/server/deps";
import { loadConsent } from "@/server/oauth/consent";
import { requireTenantSession } from "./tenant-session";

export const metadata: Metadata = { title: "Allow access" };

export default async function ConsentPage({ params }: { params: Promise<{ tenant: string; uid: string }> }) {
  const { tenant, uid } = await params;
  const ctx = await requireTenantSession(tenant, `/oauth-consent/${tenant}/${uid}`);
  if (ctx === null) {
    return (
      <p className="text-sm text-slate-600">You are not a member of the organisation this client asks for.</p>
    );
  }
  if (!can(ctx.role, "manage_grants")) {
    return (
      <p className="text-sm text-slate-600">
        Your role cannot create grants, so it cannot approve a client. Ask an admin or a policy manager.
      </p>
    );
  }
  const consent = await loadConsent(getDeps().db, ctx, tenant, uid);
  if (consent === null) {
    return (
      <p className="text-sm text-slate-600">This sign-in request has expired or was already answered.</p>
    );
  }
  return (
    <>
      <div className="flex items-center gap-3">
        {consent.logoUri === null ? null : (
          // biome-ignore lint/performance/noImgElement: the client's logo lives on its own host
          <img src={consent.logoUri} alt="" className="size-10 rounded" referrerPolicy="no-referrer" />
        )}
        <h1 className="text-lg font-semibold">
          <span data-testid="consent-client">{consent.clientName}</span> wants to use {consent.serverName}
        </h1>
      </div>
      <p className="mt-2 text-sm text-slate-600">
        {consent.verified ? (
          <>Client identified by {new URL(consent.clientId).host}.</>
        ) : (
          <strong className="text-amber-700" data-testid="consent-unverified">
            Unverified client: its name was not checked.
          </strong>
        )}{" "}
        It will be sent back to <strong>{consent.redirectHost}</strong>.
      </p>
      <h2 className="mt-4 text-sm font-semibold">The server's policy applies</h2>
      <ul className="mt-1 list-disc pl-5 text-sm text-slate-600" data-testid="consent-policy">
        {consent.policySummary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <form action="/oauth-consent/decide" method="post" className="mt-6 space-y-4">
        <input type="hidden" name="tenant" value={tenant} />
        <input type="hidden" name="uid" value={uid} />
        <div className="space-y-1.5">
          <label htmlFor="consent-label" className={styles.label}>
            Grant label
          </label>
          <input
            id="consent-label"
            name="label"
            defaultValue={consent.clientName.slice(0, 64)}
            maxLength={64}
            required
            className={styles.input}
          />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="consent-expiry" className={styles.label}>
            Expires
          </label>
          <select id="consent-expiry" name="expiresInDays" className={styles.input} defaultValue="90">
            <option value="1">In 1 day</option>
            <option value="7">In 7 days</option>
            <option value="30">In 30 days</option>
            <option value="90">In 90 days</option>
            <option value="365">In 1 year</option>
            <option value="">Never</option>
          </select>
        </div>
        <div className="flex gap-3">
          <button type="submit" name="decision" value="approve" className={styles.primaryButton}>
            Allow
          </button>
          <button
            type="submit"
            name="decision"
            value="deny"
            formNoValidate
            className={styles.secondaryButton}
          >
            Deny
          </button>
        </div>
      </form>
    </>
  );
}
