"use client";

import { useDraggable } from "@dnd-kit/core";
import type { BoardCard } from "@/builder/board";
import { LANE_TITLES, LANES, type Lane } from "@/builder/lanes";
import { Badge } from "@/components/badge";
import { toneFor } from "@/components/tones";
import { ruleSummary } from "./rule-summary";

export type CardMessages = { errors: string[]; warnings: string[] };

type Props = {
  card: BoardCard;
  messages: CardMessages;
  highlighted: boolean;
  editing: boolean;
  readOnly: boolean;
  onMove: (key: string, lane: Lane) => void;
  onEdit: (key: string) => void;
};

// Same words as the catalogue, the logs and the agent's denial: "(default deny)" for a tool no rule names.
function origin(card: BoardCard): string | undefined {
  if (card.rule !== undefined || card.lane === "hide")
    return card.via === "(hidden)" ? "hidden by a glob" : undefined;
  if (card.via !== undefined && card.via !== "(hidden)") return `via ${card.via}`;
  return card.lane === "deny" ? "(default deny)" : "(default allow)";
}

/** How controls name a card: tools by name, resources and prompts with their kind ("prompt triage-vm"). */
export function cardLabel(card: BoardCard): string {
  return card.kind === "tool" ? card.key : `${card.kind} ${card.key}`;
}

/** One tool, resource, template or prompt, glob or hide entry on a board. */
export function BoardCardView({ card, messages, highlighted, editing, readOnly, onMove, onEdit }: Props) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: card.id,
    disabled: readOnly,
  });
  const from = origin(card);
  const label = cardLabel(card);
  const description = card.tool?.description || card.item?.description || card.item?.title;
  const summary = card.rule === undefined ? [] : ruleSummary(card.rule);
  const ring =
    messages.errors.length > 0 ? "ring-red-400" : highlighted ? "ring-indigo-500 ring-2" : "ring-slate-200";

  return (
    <li
      ref={setNodeRef}
      data-card={card.key}
      data-highlighted={highlighted ? "true" : undefined}
      // The card stays in its lane while a copy follows the pointer (the board's DragOverlay).
      className={`rounded-lg bg-white p-2 text-xs shadow-sm ring-1 ${ring} ${isDragging ? "opacity-40" : ""} ${editing ? "outline-2 outline-indigo-400" : ""}`}
    >
      <div className="flex items-start gap-1">
        {readOnly ? null : (
          <button
            type="button"
            className="mt-0.5 cursor-grab touch-none rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
            aria-label={`Drag ${label}`}
            {...listeners}
            {...attributes}
          >
            ⠿
          </button>
        )}
        <div className="min-w-0 flex-1">
          <CardName name={card.item?.listed ?? card.key} />
          <div className="mt-1 flex flex-wrap gap-1">
            <CardBadges card={card} />
            {from !== undefined ? <Badge tone="gray">{from}</Badge> : null}
          </div>
        </div>
      </div>
      {description ? (
        <p className="mt-1 line-clamp-1 text-slate-600" title={description}>
          {description}
        </p>
      ) : null}
      {summary.length > 0 ? (
        <ul className="mt-1 space-y-0.5 text-slate-700">
          {summary.map((line) => (
            <li key={line} className="font-mono text-[11px]">
              {line}
            </li>
          ))}
        </ul>
      ) : null}
      {messages.errors.map((message) => (
        <p key={message} className="mt-1 text-red-700">
          {message}
        </p>
      ))}
      {messages.warnings.map((message) => (
        <p key={message} className="mt-1 text-amber-700">
          {message}
        </p>
      ))}
      {readOnly ? null : (
        <div className="mt-2 flex items-center gap-1">
          <select
            aria-label={`Lane for ${label}`}
            value={card.lane}
            onChange={(event) => {
              const lane = LANES.find((candidate) => candidate === event.target.value);
              if (lane !== undefined) onMove(card.key, lane);
            }}
            className="min-w-0 flex-1 rounded border-0 bg-slate-50 py-0.5 pl-1 text-xs ring-1 ring-slate-300"
          >
            {LANES.map((lane) => (
              <option key={lane} value={lane}>
                {LANE_TITLES[lane]}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => onEdit(card.key)}
            aria-label={`Edit ${label}`}
            className="rounded px-2 py-0.5 font-semibold text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50"
          >
            Edit
          </button>
        </div>
      )}
    </li>
  );
}

/** A tool name in full: long names wrap at their word boundaries (CamelCase, _ and -) instead of being cut. */
export function CardName({ name }: { name: string }) {
  const parts = name.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[_\-.])/);
  return (
    <p className="font-mono text-[13px] font-semibold [overflow-wrap:anywhere] text-slate-900" title={name}>
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed name never reorder
        <span key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </span>
      ))}
    </p>
  );
}

/** What follows the pointer while a card is dragged: its name and classes, above every lane. */
export function DragPreview({ card }: { card: BoardCard }) {
  return (
    <div className="w-56 rotate-1 cursor-grabbing rounded-lg bg-white p-2 text-xs shadow-xl ring-2 ring-indigo-400">
      <CardName name={card.item?.listed ?? card.key} />
      <div className="mt-1 flex flex-wrap gap-1">
        <CardBadges card={card} />
      </div>
    </div>
  );
}

/** A tool's risk and category; a resource's, template's or prompt's kind; else what the key is. */
function CardBadges({ card }: { card: BoardCard }) {
  if (card.tool !== undefined) {
    return (
      <>
        <Badge tone={toneFor(card.tool.risk)}>{card.tool.risk}</Badge>
        <Badge tone={toneFor(card.tool.category)}>{card.tool.category}</Badge>
      </>
    );
  }
  if (card.item !== undefined) return <Badge tone="purple">{card.item.kind}</Badge>;
  return <Badge tone="blue">{card.isGlob ? "glob" : "not in catalogue"}</Badge>;
}
