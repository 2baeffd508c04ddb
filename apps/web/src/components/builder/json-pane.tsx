"use client";

import { autocompletion, closeBrackets } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { json, jsonLanguage } from "@codemirror/lang-json";
import { bracketMatching, foldGutter, indentOnInput } from "@codemirror/language";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { Annotation, Compartment, EditorState, StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView, hoverTooltip, keymap, lineNumbers } from "@codemirror/view";
import { policyJsonSchema } from "@toolgate/policy-core";
import { useEffect, useRef } from "react";
import { locateJsonPointers, spanForPointer } from "@/builder/json-locations";

export type PaneMessage = { path: string; message: string; severity: "error" | "warning" };

type Props = {
  value: string;
  onChange: (text: string) => void;
  messages: PaneMessage[];
  highlightPointer: string | undefined;
  readOnly: boolean;
};

// Marks changes the builder made itself, so they are not echoed back as user edits.
const external = Annotation.define<boolean>();
const setHighlight = StateEffect.define<{ from: number; to: number } | null>();
const highlightMark = Decoration.mark({ class: "cm-fired-rule" });
const schemaSupport = new Compartment();
const paneTheme = EditorView.theme({
  "&": { fontSize: "12px", backgroundColor: "white", maxHeight: "70vh" },
  ".cm-scroller": { overflow: "auto" },
  ".cm-fired-rule": { backgroundColor: "#e0e7ff", outline: "1px solid #6366f1", borderRadius: "2px" },
});

const highlightField = StateField.define({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (effect.is(setHighlight)) {
        next =
          effect.value === null || effect.value.from === effect.value.to
            ? Decoration.none
            : Decoration.set([highlightMark.range(effect.value.from, effect.value.to)]);
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const SYNTAX_AT = /line (\d+), column (\d+)/;

function syntaxOffset(text: string, message: string): number | undefined {
  const match = SYNTAX_AT.exec(message);
  if (match === null) return undefined;
  const lines = text.split("\n");
  const line = Number(match[1]);
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
  return Math.min(offset + Number(match[2]) - 1, text.length);
}

function diagnosticsFor(text: string, messages: PaneMessage[]): Diagnostic[] {
  const spans = locateJsonPointers(text);
  return messages.map((item) => {
    const span = spanForPointer(spans, item.path);
    const syntax = span === undefined ? syntaxOffset(text, item.message) : undefined;
    const from = span?.keyFrom ?? span?.from ?? syntax ?? 0;
    const to = span?.to ?? Math.min(from + 1, text.length);
    return {
      from,
      to: Math.max(from, to),
      severity: item.severity,
      message: item.path === "" ? item.message : `${item.path}: ${item.message}`,
    };
  });
}

/**
 * The JSON side of the builder: CodeMirror 6 with JSON highlighting, completion and hover
 * from policy-core's JSON Schema, and policy-core's validation and lint at their fields.
 */
export function JsonPane({ value, onChange, messages, highlightPointer, readOnly }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // The editor is created once; later values arrive through the effects below.
  const initial = useRef({ value, readOnly });

  useEffect(() => {
    if (host.current === null) return;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial.current.value,
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          json(),
          autocompletion(),
          schemaSupport.of([]),
          highlightField,
          paneTheme,
          EditorState.readOnly.of(initial.current.readOnly),
          EditorView.contentAttributes.of({ "aria-label": "Policy JSON" }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            if (update.transactions.some((transaction) => transaction.annotation(external))) return;
            onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    let live = true;
    // The schema helper is large (markdown rendering for hovers): load it after the editor shows.
    import("codemirror-json-schema")
      .then(({ jsonCompletion, jsonSchemaHover, stateExtensions }) => {
        if (!live) return;
        created.dispatch({
          effects: schemaSupport.reconfigure([
            jsonLanguage.data.of({ autocomplete: jsonCompletion() }),
            hoverTooltip(jsonSchemaHover()),
            stateExtensions(policyJsonSchema),
          ]),
        });
      })
      .catch((error: unknown) => console.error("[builder] JSON Schema support failed to load", error));
    return () => {
      live = false;
      created.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const current = view.current;
    if (current === null || current.state.doc.toString() === value) return;
    current.dispatch({
      changes: { from: 0, to: current.state.doc.length, insert: value },
      annotations: external.of(true),
    });
  }, [value]);

  useEffect(() => {
    const current = view.current;
    if (current === null) return;
    current.dispatch(setDiagnostics(current.state, diagnosticsFor(current.state.doc.toString(), messages)));
  }, [messages]);

  useEffect(() => {
    const current = view.current;
    if (current === null) return;
    const span =
      highlightPointer === undefined
        ? undefined
        : spanForPointer(locateJsonPointers(current.state.doc.toString()), highlightPointer);
    const range = span === undefined ? null : { from: span.keyFrom ?? span.from, to: span.to };
    current.dispatch({
      effects: [
        setHighlight.of(range),
        ...(range === null ? [] : [EditorView.scrollIntoView(range.from, { y: "center" })]),
      ],
    });
  }, [highlightPointer]);

  return (
    <div
      ref={host}
      data-testid="policy-json-editor"
      className="cm-policy overflow-hidden rounded-md ring-1 ring-slate-300"
    />
  );
}
