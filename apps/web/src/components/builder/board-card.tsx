"use client";

import { useDraggable } from "@dnd-kit/core";
import { CSS } from "@dnd-kit/utilities";
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

function origin(card: BoardCard): string | undefined {
  if (card.rule !== undefined || card.lane === "hide")
    return card.via === "(hidden)" ? "hidden by a glob" : undefined;
  if (card.via !== undefined && card.via !== "(hidden)") return `via ${card.via}`;
  return "by default";
}

/** One tool, glob or hide entry on the board. */
export function BoardCardView({ card, messages, highlighted, editing, readOnly, onMove, onEdit }: Props) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: card.id,
    disabled: readOnly,
  });
  const from = origin(card);
  const summary = card.rule === undefined ? [] : ruleSummary(card.rule);
  const ring =
    messages.errors.length > 0 ? "ring-red-400" : highlighted ? "ring-indigo-500 ring-2" : "ring-slate-200";

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform) }}
      data-card={card.key}
      data-highlighted={highlighted ? "true" : undefined}
      className={`rounded-lg bg-white p-2 text-xs shadow-sm ring-1 ${ring} ${isDragging ? "z-10 opacity-80 shadow-lg" : ""} ${editing ? "outline-2 outline-indigo-400" : ""}`}
    >
      <div className="flex items-start gap-1">
        <button
          type="button"
          className="mt-0.5 cursor-grab rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 disabled:cursor-default"
          aria-label={`Drag ${card.key}`}
          disabled={readOnly}
          {...listeners}
          {...attributes}
        >
          ⠿
        </button>
        <div className="min-w-0 flex-1">
          <p className="truncate font-mono text-[13px] font-semibold text-slate-900" title={card.key}>
            {card.key}
          </p>
          <div className="mt-1 flex flex-wrap gap-1">
            {card.tool !== undefined ? (
              <>
                <Badge tone={toneFor(card.tool.risk)}>{card.tool.risk}</Badge>
                <Badge tone={toneFor(card.tool.category)}>{card.tool.category}</Badge>
              </>
            ) : (
              <Badge tone="blue">{card.isGlob ? "glob" : "not in catalogue"}</Badge>
            )}
            {from !== undefined ? <Badge tone="gray">{from}</Badge> : null}
          </div>
        </div>
      </div>
      {card.tool?.description ? (
        <p className="mt-1 line-clamp-1 text-slate-600" title={card.tool.description}>
          {card.tool.description}
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
            aria-label={`Lane for ${card.key}`}
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
            aria-label={`Edit ${card.key}`}
            className="rounded px-2 py-0.5 font-semibold text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50"
          >
            Edit
          </button>
        </div>
      )}
    </li>
  );
}
