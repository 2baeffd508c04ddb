"use client";

import {
  type LintWarning,
  lintPolicy,
  type Policy,
  type PolicyIssue,
  parsePolicy,
  parsePolicyJson,
} from "@toolgate/policy-core";
import { useCallback, useMemo, useState } from "react";
import { applyBuilderAction, type BuilderAction } from "@/builder/builder-actions";
import { type BuilderState, fromPolicy, policyText, toPolicy } from "@/builder/builder-state";
import type { CatalogueTool } from "@/builder/catalogue-tool";

const EMPTY: Policy = { version: "1", default: "deny" };

function initialDraft(document: unknown) {
  const parsed = parsePolicy(document);
  const state = fromPolicy(parsed.ok ? parsed.policy : EMPTY);
  // A stored document that no longer validates is shown as it is, with its issues.
  const text = parsed.ok ? policyText(state) : `${JSON.stringify(document, null, 2)}\n`;
  return { state, text, issues: parsed.ok ? [] : parsed.issues };
}

/**
 * The draft both sides edit. The visual state always holds a well-formed policy; the JSON
 * text may be anything the user typed. Visual edits rewrite the text; text that parses
 * replaces the visual state; text that does not keeps it and reports why.
 */
export function usePolicyDraft(document: unknown, catalogue: CatalogueTool[], unpublished?: unknown) {
  // An unpublished draft (e.g. from the catalogue) opens as the edit, the document stays the baseline.
  const [saved] = useState(() => initialDraft(document));
  const [start] = useState(() => (unpublished === undefined ? saved : initialDraft(unpublished)));
  const [state, setState] = useState<BuilderState>(start.state);
  const [text, setText] = useState(start.text);
  const [issues, setIssues] = useState<PolicyIssue[]>(start.issues);
  const [savedText, setSavedText] = useState(saved.issues.length === 0 ? saved.text : "");

  const dispatch = useCallback(
    (action: BuilderAction) => {
      const next = applyBuilderAction(state, action);
      const nextText = policyText(next);
      const check = parsePolicyJson(nextText);
      setState(next);
      setText(nextText);
      setIssues(check.ok ? [] : check.issues);
    },
    [state],
  );

  const editText = useCallback((nextText: string) => {
    setText(nextText);
    const parsed = parsePolicyJson(nextText);
    if (parsed.ok) {
      setState(fromPolicy(parsed.policy));
      setIssues([]);
    } else {
      setIssues(parsed.issues);
    }
  }, []);

  /** Loads a document as the new saved baseline (after publish or rollback). */
  const reset = useCallback((next: unknown) => {
    const draft = initialDraft(next);
    setState(draft.state);
    setText(draft.text);
    setIssues(draft.issues);
    setSavedText(draft.text);
  }, []);

  const markSaved = useCallback(() => setSavedText(policyText(state)), [state]);

  const warnings: LintWarning[] = useMemo(() => lintPolicy(toPolicy(state), catalogue), [state, catalogue]);
  const valid = issues.length === 0;
  const dirty = !valid || policyText(state) !== savedText;

  return { state, text, issues, warnings, valid, dirty, dispatch, editText, reset, markSaved };
}

export type PolicyDraft = ReturnType<typeof usePolicyDraft>;
