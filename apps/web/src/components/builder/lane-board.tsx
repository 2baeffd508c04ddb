"use client";

import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import type { BoardCard } from "@/builder/board";
import { LANE_TITLES, LANES, type Lane } from "@/builder/lanes";
import { BoardCardView, type CardMessages, DragPreview } from "./board-card";
import { LaneColumn } from "./lane-column";

type Props = {
  /** Which board: undefined for tools, "resources" or "prompts" (names its lanes apart). */
  board?: string | undefined;
  cards: BoardCard[];
  messagesFor: (card: BoardCard) => CardMessages;
  highlightKey: string | undefined;
  editingKey: string | undefined;
  readOnly: boolean;
  onMove: (key: string, lane: Lane) => void;
  onEdit: (key: string) => void;
};

function isLane(value: unknown): value is Lane {
  return LANES.some((lane) => lane === value);
}

/** The five lanes; cards move by dragging (pointer or keyboard) or with each card's lane menu. */
export function LaneBoard({
  board,
  cards,
  messagesFor,
  highlightKey,
  editingKey,
  readOnly,
  onMove,
  onEdit,
}: Props) {
  // A short distance keeps clicks on a card's buttons from starting a drag.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );

  const [activeId, setActiveId] = useState<string | null>(null);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const active = cards.find((card) => card.id === activeId);

  const onDragStart = (event: DragStartEvent) => setActiveId(String(event.active.id));
  const onDragEnd = (event: DragEndEvent) => {
    setActiveId(null);
    const card = cards.find((candidate) => candidate.id === event.active.id);
    const lane = event.over?.id;
    if (card === undefined || !isLane(lane) || lane === card.lane) return;
    onMove(card.key, lane);
  };

  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActiveId(null)}
      accessibility={{
        announcements: {
          onDragStart: ({ active }) => `Picked up ${String(active.id).replace(/^\w+:/, "")}.`,
          onDragOver: ({ over }) =>
            isLane(over?.id) ? `Over the ${LANE_TITLES[over.id]} lane.` : "Not over a lane.",
          onDragEnd: ({ over }) =>
            isLane(over?.id) ? `Dropped in ${LANE_TITLES[over.id]}.` : "Dropped outside the lanes.",
          onDragCancel: () => "Move cancelled.",
        },
      }}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-5">
        {LANES.map((lane) => (
          <LaneColumn
            key={lane}
            lane={lane}
            board={board}
            count={cards.filter((card) => card.lane === lane).length}
          >
            {cards
              .filter((card) => card.lane === lane)
              .map((card) => (
                <BoardCardView
                  key={card.id}
                  card={card}
                  messages={messagesFor(card)}
                  highlighted={
                    highlightKey !== undefined && (card.key === highlightKey || card.via === highlightKey)
                  }
                  editing={editingKey === card.key}
                  readOnly={readOnly}
                  onMove={onMove}
                  onEdit={onEdit}
                />
              ))}
          </LaneColumn>
        ))}
      </div>
      {/* In a portal, so the copy under the pointer is never clipped by a lane's scroll area. */}
      {mounted
        ? createPortal(
            <DragOverlay dropAnimation={null}>
              {active !== undefined ? <DragPreview card={active} /> : null}
            </DragOverlay>,
            document.body,
          )
        : null}
    </DndContext>
  );
}
