"use client";

import type { PolicyRule } from "@toolgate/policy-core";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { accessCards } from "@/builder/access-board";
import type { AccessCatalogue, AccessKind } from "@/builder/access-catalogue";
import { toAccessRule } from "@/builder/access-rules";
import { type BoardCard, boardCards } from "@/builder/board";
import type { BuilderAction } from "@/builder/builder-actions";
import { toPolicy } from "@/builder/builder-state";
import type { CatalogueTool } from "@/builder/catalogue-tool";
import { accessLimitKey, defaultLimitFor } from "@/builder/default-limit";
import { accessIssueBelongsTo, issueBelongsTo } from "@/builder/issue-owner";
import type { Lane } from "@/builder/lanes";
import { policyLimits } from "@/builder/policy-limits";
import { type Recommendation, recommendedState } from "@/builder/recommended-state";
import { accessKeyOfPointer, ruleKeyOfPointer } from "@/builder/rule-pointer";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import type { SimulatorGrant } from "@/server/policies/builder-data";
import type { HistoryEntry } from "@/server/policies/builder-history";
import type { CatalogueDraft } from "@/server/public-catalogue/catalogue-draft";
import { BoardToolbar } from "./board-toolbar";
import { CardEditor } from "./card-editor";
import { CatalogueDraftNotice } from "./catalogue-draft-notice";
import { DraftBanner } from "./draft-banner";
import { JsonPane, type PaneMessage } from "./json-pane";
import { LaneBoard } from "./lane-board";
import { LimitsEditor } from "./limits-editor";
import { PublishPanel } from "./publish-panel";
import { RecommendPanel } from "./recommend-panel";
import { ReplayPanel } from "./replay-panel";
import type { BuilderServerActions } from "./server-actions";
import { SimulatorPanel } from "./simulator-panel";
import { usePolicyDraft } from "./use-policy-draft";
import { useUnsavedGuard } from "./use-unsaved-guard";
import { VersionHistory } from "./version-history";

type Props = {
  server: { id: string; name: string; slug: string };
  tenantId: string;
  catalogue: CatalogueTool[];
  /** The server's catalogued resources, resource templates and prompts. */
  accessCatalogue: AccessCatalogue;
  grants: SimulatorGrant[];
  document: unknown;
  /** An unpublished draft to open instead of the document ("Limit this tool"). */
  draft?: CatalogueDraft | undefined;
  version: number | null;
  history: HistoryEntry[];
  canPublish: boolean;
  argumentValuesLogged: boolean;
  actions: BuilderServerActions;
};

/** The visual policy builder: lanes and cards beside the JSON, simulator, publish, history, replay. */
export function PolicyBuilder(props: Props) {
  const { server, catalogue, accessCatalogue, canPublish, actions } = props;
  const draft = usePolicyDraft(props.document, catalogue, props.draft?.document);
  const [draftSource, setDraftSource] = useState(props.draft);
  const { state, dispatch } = draft;
  const [baseVersion, setBaseVersion] = useState(props.version);
  const [history, setHistory] = useState(props.history);
  const [editing, setEditing] = useState<{ kind: BoardCard["kind"]; key: string } | undefined>();
  const [fired, setFired] = useState<string | undefined>();
  const [recommendation, setRecommendation] = useState<Recommendation | null>(null);
  useUnsavedGuard(draft.dirty);

  const policy = useMemo(() => toPolicy(state), [state]);
  const cards = useMemo(() => boardCards(state, catalogue), [state, catalogue]);
  const resourceCards = useMemo(
    () => accessCards(state, "resource", accessCatalogue.resources),
    [state, accessCatalogue],
  );
  const promptCards = useMemo(
    () => accessCards(state, "prompt", accessCatalogue.prompts),
    [state, accessCatalogue],
  );
  const editingCard = [...cards, ...resourceCards, ...promptCards].find(
    (card) => card.kind === editing?.kind && card.key === editing.key,
  );
  const sharedLimits = policyLimits(state).map((entry) => entry.limit);

  const belongs = (card: BoardCard) => (path: string) =>
    card.kind === "tool"
      ? issueBelongsTo(state, path, card.key)
      : accessIssueBelongsTo(state, card.kind, path, card.key);
  const messagesFor = (card: BoardCard) => ({
    errors: draft.issues.filter((issue) => belongs(card)(issue.path)).map((issue) => issue.message),
    warnings: draft.valid
      ? draft.warnings.filter((warning) => belongs(card)(warning.path)).map((warning) => warning.message)
      : [],
  });
  const editingKeyOn = (kind: BoardCard["kind"]) => (editing?.kind === kind ? editing.key : undefined);
  // Memoised: the JSON pane re-places its diagnostics whenever this list changes.
  const paneMessages: PaneMessage[] = useMemo(
    () => [
      ...draft.issues.map((issue) => ({ ...issue, severity: "error" as const })),
      ...(draft.valid ? draft.warnings.map((warning) => ({ ...warning, severity: "warning" as const })) : []),
    ],
    [draft.issues, draft.warnings, draft.valid],
  );

  const publish = async (message: string) => {
    const result = await actions.publish({
      serverId: server.id,
      documentText: draft.text,
      baseVersion,
      message,
    });
    if (result.ok) {
      setBaseVersion(result.version);
      setHistory(result.history);
      draft.markSaved();
      setDraftSource(undefined);
      toast.success(`Published version ${result.version}: the gateway enforces it from the next call.`);
      return { notice: `Published version ${result.version}.` };
    }
    const error =
      result.issues !== undefined
        ? `The policy has ${result.issues.length} problem(s); see the JSON pane.`
        : (result.error ?? "Publishing failed.");
    toast.error(error);
    return { error };
  };

  const rollback = async (version: number) => {
    const result = await actions.rollback({ serverId: server.id, version, baseVersion });
    if (!result.ok) return result.error ?? "Rollback failed.";
    setBaseVersion(result.version);
    setHistory(result.history);
    draft.reset(result.history.find((entry) => entry.version === result.version)?.document);
    return undefined;
  };

  return (
    <>
      <PageHeader
        title={`Policy builder · ${server.name}`}
        description={
          canPublish
            ? "Drag tools between lanes or edit the JSON; both stay in step. Simulate and replay before you publish."
            : "Read-only: your role can see this policy, simulate calls and browse its history, but not change it."
        }
      />
      {draftSource !== undefined ? <CatalogueDraftNotice draft={draftSource} dirty={draft.dirty} /> : null}
      <DraftBanner published={baseVersion} dirty={draft.dirty} canPublish={canPublish} />
      <BoardToolbar
        defaultAction={state.defaultAction}
        readOnly={!canPublish}
        onDispatch={dispatch}
        onRecommend={() => setRecommendation(recommendedState(state, catalogue, accessCatalogue))}
      />
      {recommendation !== null ? (
        <div className="mb-4">
          <RecommendPanel
            recommendation={recommendation}
            onCancel={() => setRecommendation(null)}
            onApply={() => {
              dispatch({ type: "replace", policy: toPolicy(recommendation.next) });
              setRecommendation(null);
            }}
          />
        </div>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-5">
        <div className="space-y-4 xl:col-span-3">
          <LaneBoard
            cards={cards}
            messagesFor={messagesFor}
            highlightKey={fired === undefined ? undefined : ruleKeyOfPointer(fired)}
            editingKey={editingKeyOn("tool")}
            readOnly={!canPublish}
            onMove={(key, lane) => dispatch({ type: "move", key, lane })}
            onEdit={(key) => setEditing({ kind: "tool", key })}
          />
          <section aria-label="Limits on all tools" className={`${styles.card} p-4`}>
            <LimitsEditor
              label="Limits on every call (all_tools)"
              limits={state.allTools?.limits ?? []}
              shared={sharedLimits}
              defaultLimit={{ counter: "all_tools", window: "minute", max: 600, scope: "grant" }}
              onChange={(limits) => dispatch({ type: "set_all_tools_limits", limits })}
            />
          </section>
          {(["resource", "prompt"] as const).map((kind) => (
            <AccessBoardSection
              key={kind}
              kind={kind}
              cards={kind === "resource" ? resourceCards : promptCards}
              messagesFor={messagesFor}
              fired={fired}
              editingKey={editingKeyOn(kind)}
              readOnly={!canPublish}
              onMove={(key, lane) => dispatch({ type: "move_access", kind, key, lane })}
              onEdit={(key) => setEditing({ kind, key })}
            />
          ))}
        </div>
        <div className="space-y-4 xl:col-span-2">
          {editingCard !== undefined && canPublish ? (
            <CardEditor
              card={editingCard}
              sharedLimits={sharedLimits}
              defaultLimit={defaultLimitFor(state, limitKeyOf(editingCard))}
              errors={messagesFor(editingCard).errors}
              onChange={(rule) => dispatch(setRuleAction(editingCard, rule))}
              onRemove={() => {
                dispatch(removeAction(editingCard));
                setEditing(undefined);
              }}
              onClose={() => setEditing(undefined)}
            />
          ) : null}
          <section aria-labelledby="json-heading" className="space-y-2 xl:sticky xl:top-6">
            <h2 id="json-heading" className="text-base font-semibold">
              Policy JSON
            </h2>
            <JsonPane
              value={draft.text}
              onChange={draft.editText}
              messages={paneMessages}
              highlightPointer={fired?.startsWith("/") ? fired : undefined}
              readOnly={!canPublish}
            />
            {draft.issues.length > 0 ? (
              <ul
                role="alert"
                aria-label="Policy problems"
                className="space-y-1 rounded-md bg-red-50 p-3 text-xs text-red-800 ring-1 ring-red-200"
              >
                {draft.issues.map((issue) => (
                  <li key={`${issue.path}:${issue.message}`}>
                    <code className="rounded bg-red-100 px-1 font-mono">
                      {issue.path === "" ? "/" : issue.path}
                    </code>{" "}
                    {issue.message}
                  </li>
                ))}
                <li className="text-red-700">The lanes keep the last valid policy until this is fixed.</li>
              </ul>
            ) : (
              <p role="status" className="text-xs text-emerald-700">
                Valid policy{draft.warnings.length > 0 ? ` · ${draft.warnings.length} lint warning(s)` : ""}.
              </p>
            )}
          </section>
        </div>
      </div>
      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <SimulatorPanel
          policy={policy}
          valid={draft.valid}
          catalogue={catalogue}
          grants={props.grants}
          ids={{ tenantId: props.tenantId, serverId: server.id }}
          onFired={setFired}
        />
        <PublishPanel
          version={baseVersion}
          dirty={draft.dirty}
          valid={draft.valid}
          canPublish={canPublish}
          text={draft.text}
          serverSlug={server.slug}
          onPublish={publish}
          onImport={draft.editText}
        />
        <ReplayPanel
          valid={draft.valid}
          argumentValuesLogged={props.argumentValuesLogged}
          onReplay={(days) => actions.replay({ serverId: server.id, documentText: draft.text, days })}
        />
        <VersionHistory
          history={history}
          catalogue={catalogue}
          canPublish={canPublish}
          onRollback={rollback}
        />
      </div>
    </>
  );
}

function limitKeyOf(card: BoardCard): string {
  return card.kind === "tool" ? card.key : accessLimitKey(card.kind, card.key);
}

function setRuleAction(card: BoardCard, rule: PolicyRule): BuilderAction {
  if (card.kind === "tool") return { type: "set_rule", key: card.key, rule };
  return { type: "set_access_rule", kind: card.kind, key: card.key, rule: toAccessRule(rule) };
}

function removeAction(card: BoardCard): BuilderAction {
  if (card.kind === "tool") return { type: "remove", key: card.key };
  return { type: "remove_access", kind: card.kind, key: card.key };
}

const ACCESS_BOARDS: Record<AccessKind, { board: "resources" | "prompts"; title: string; intro: string }> = {
  resource: {
    board: "resources",
    title: "Resources",
    intro:
      "resources/read and resources/subscribe. Templates are governed by their URI pattern; resources/list and resources/templates/list show only what may be read.",
  },
  prompt: {
    board: "prompts",
    title: "Prompts",
    intro: "prompts/get; prompts/list shows only what may be fetched. Completions follow the prompt.",
  },
};

/** The lanes of one kind of upstream data besides tools, with the catalogue's items as cards. */
function AccessBoardSection(props: {
  kind: AccessKind;
  cards: BoardCard[];
  messagesFor: (card: BoardCard) => { errors: string[]; warnings: string[] };
  fired: string | undefined;
  editingKey: string | undefined;
  readOnly: boolean;
  onMove: (key: string, lane: Lane) => void;
  onEdit: (key: string) => void;
}) {
  const { board, title, intro } = ACCESS_BOARDS[props.kind];
  const headingId = `${board}-board-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h2 id={headingId} className="text-base font-semibold">
        {title}
      </h2>
      <p className="text-xs text-slate-600">{intro}</p>
      <LaneBoard
        board={board}
        cards={props.cards}
        messagesFor={props.messagesFor}
        highlightKey={props.fired === undefined ? undefined : accessKeyOfPointer(board, props.fired)}
        editingKey={props.editingKey}
        readOnly={props.readOnly}
        onMove={props.onMove}
        onEdit={props.onEdit}
      />
    </section>
  );
}
