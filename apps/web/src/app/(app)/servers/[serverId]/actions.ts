"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { acceptToolDefinition } from "@/server/catalogue/accept-tool-definition";
import { overrideToolClass, overrideToolClassInputSchema } from "@/server/catalogue/override-tool-class";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { FormState } from "@/server/form-state";
import type { PolicyFormState } from "@/server/policies/policy-form-state";
import { publishPolicy } from "@/server/policies/publish-policy";
import { validatePolicy } from "@/server/policies/validate-policy";
import { deleteServer } from "@/server/servers/delete-server";
import { rescanServer } from "@/server/servers/rescan-server";
import { type ConnectionReport, testServerConnection } from "@/server/servers/test-connection";
import { updateServer, updateServerInputSchema } from "@/server/servers/update-server";
import { requireSession } from "@/server/session";
import { fieldErrorsFrom } from "@/server/zod-issues";

const policyFormSchema = z.object({
  intent: z.enum(["validate", "publish"]),
  serverId: z.string().min(1),
  documentText: z.string().max(1_000_000),
  baseVersion: z.preprocess(
    (value) => (value === "" || value === null ? null : Number(value)),
    z.number().int().positive().nullable(),
  ),
});

/** Validates, or validates and publishes, the policy JSON from the editor. */
export async function policyAction(previous: PolicyFormState, formData: FormData): Promise<PolicyFormState> {
  const session = await requireSession();
  const parsed = policyFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { ...previous, error: "The form was incomplete. Reload the page and try again." };
  const { intent, serverId, documentText, baseVersion } = parsed.data;
  if (intent === "validate") {
    const check = validatePolicy(documentText);
    return check.ok
      ? { currentVersion: previous.currentVersion, notice: "The policy is valid." }
      : { currentVersion: previous.currentVersion, issues: check.issues };
  }
  try {
    const result = await publishPolicy(getDeps().db, session.ctx, { serverId, documentText, baseVersion });
    if (!result.ok) return { currentVersion: previous.currentVersion, issues: result.issues };
    revalidatePath(`/servers/${serverId}`);
    return { currentVersion: result.version, notice: `Published version ${result.version}.` };
  } catch (error) {
    return { currentVersion: previous.currentVersion, error: userMessage(error) };
  }
}

const serverIdSchema = z.string().min(1).max(100);
const toolFormSchema = z.object({ serverId: serverIdSchema, toolId: z.string().min(1).max(100) });

function headerRows(formData: FormData) {
  const names = formData.getAll("headerName").map(String);
  const values = formData.getAll("headerValue").map(String);
  return names
    .map((name, index) => ({ name, value: values[index] ?? "" }))
    .filter((row) => row.name.trim() !== "" || row.value !== "");
}

/** Renames a server, points it at another URL, or replaces its upstream headers. */
export async function updateServerAction(
  _previous: FormState<string>,
  formData: FormData,
): Promise<FormState<string>> {
  const session = await requireSession();
  const serverId = serverIdSchema.safeParse(formData.get("serverId"));
  if (!serverId.success) return { error: "The form was incomplete. Reload the page and try again." };
  const parsed = updateServerInputSchema.safeParse({
    name: formData.get("name") ?? undefined,
    url: formData.get("url") ?? undefined,
    // Headers are replaced only when asked to: their values are never sent back to the browser.
    headers: formData.get("replaceHeaders") === "on" ? headerRows(formData) : undefined,
    toolPrefix: toolPrefixField(formData),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  try {
    await updateServer(getDeps(), session.ctx, serverId.data, parsed.data);
  } catch (error) {
    return { error: userMessage(error) };
  }
  revalidatePath(`/servers/${serverId.data}`);
  return { result: "Saved." };
}

/** The prefix field: empty, or the server's own slug, means the default (null); absent means unchanged. */
function toolPrefixField(formData: FormData): string | null | undefined {
  const value = formData.get("toolPrefix");
  if (typeof value !== "string") return undefined;
  const prefix = value.trim();
  return prefix === "" || prefix === formData.get("slug") ? null : prefix;
}

/** Lists the server's tools again; changed reviewed tools wait for review. */
export async function rescanServerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const serverId = serverIdSchema.safeParse(formData.get("serverId"));
  if (!serverId.success) return { error: "Choose a server." };
  try {
    await rescanServer(getDeps(), session.ctx, serverId.data);
  } catch (error) {
    return { error: userMessage(error) };
  }
  revalidatePath(`/servers/${serverId.data}`);
  return {};
}

/** Deletes the server with its catalogue, policy versions and server-bound grants. */
export async function deleteServerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const serverId = serverIdSchema.safeParse(formData.get("serverId"));
  if (!serverId.success) return { error: "Choose a server." };
  try {
    await deleteServer(getDeps().db, session.ctx, serverId.data);
  } catch (error) {
    return { error: userMessage(error) };
  }
  revalidatePath("/servers");
  redirect("/servers");
}

/** Connects to the registered server with its stored credentials and reports what answered. */
export async function testServerConnectionAction(
  _previous: FormState<ConnectionReport>,
  formData: FormData,
): Promise<FormState<ConnectionReport>> {
  const session = await requireSession();
  const serverId = serverIdSchema.safeParse(formData.get("serverId"));
  if (!serverId.success) return { error: "Choose a server." };
  try {
    return { result: await testServerConnection(getDeps(), session.ctx, serverId.data) };
  } catch (error) {
    return { error: userMessage(error) };
  }
}

/** Accepts a tool's pending (changed) definition, or pins an unreviewed tool as it is. */
export async function acceptToolAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const parsed = toolFormSchema.safeParse({
    serverId: formData.get("serverId"),
    toolId: formData.get("toolId"),
  });
  if (!parsed.success) return { error: "Choose a tool." };
  try {
    await acceptToolDefinition(getDeps().db, session.ctx, parsed.data.serverId, parsed.data.toolId);
  } catch (error) {
    return { error: userMessage(error) };
  }
  revalidatePath(`/servers/${parsed.data.serverId}`);
  return {};
}

/** Sets or clears the organisation's own category and risk for a tool. */
export async function overrideToolClassAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const tool = toolFormSchema.safeParse({
    serverId: formData.get("serverId"),
    toolId: formData.get("toolId"),
  });
  const parsed = overrideToolClassInputSchema.safeParse({
    category: formData.get("category") ?? "",
    risk: formData.get("risk") ?? "",
  });
  if (!tool.success || !parsed.success) return { error: "Choose a category and a risk." };
  try {
    await overrideToolClass(getDeps().db, session.ctx, tool.data.serverId, tool.data.toolId, parsed.data);
  } catch (error) {
    return { error: userMessage(error) };
  }
  revalidatePath(`/servers/${tool.data.serverId}`);
  return {};
}
