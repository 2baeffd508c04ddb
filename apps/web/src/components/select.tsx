"use client";

import * as RadixSelect from "@radix-ui/react-select";
import { useState } from "react";

export type SelectOption = { value: string; label: string };

// Radix reserves the empty value for "nothing chosen", so "any" stands in for it inside the widget.
const ANY = "__any__";

type Props = {
  id: string;
  name: string;
  defaultValue: string;
  options: SelectOption[];
  /** The label of the empty choice ("All servers"); omitted when a value is required. */
  anyLabel?: string;
  /** Submit the form as soon as a value is chosen (filters). */
  submitOnChange?: boolean;
};

/** A styled select (Radix) that submits like a native one, through a hidden input named `name`. */
export function Select({ id, name, defaultValue, options, anyLabel, submitOnChange = false }: Props) {
  const [value, setValue] = useState(defaultValue === "" && anyLabel !== undefined ? ANY : defaultValue);
  const all = anyLabel === undefined ? options : [{ value: ANY, label: anyLabel }, ...options];
  return (
    <>
      <input type="hidden" name={name} value={value === ANY ? "" : value} />
      <RadixSelect.Root
        value={value}
        onValueChange={(next) => {
          setValue(next);
          if (submitOnChange) {
            // Let the hidden input take the new value before the form reads it.
            const form = document.getElementById(id)?.closest("form");
            setTimeout(() => form?.requestSubmit(), 0);
          }
        }}
      >
        <RadixSelect.Trigger
          id={id}
          className="flex w-full items-center justify-between gap-2 rounded-md bg-white px-3 py-2 text-left text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none data-[placeholder]:text-slate-400"
        >
          <span className="min-w-0 truncate">
            <RadixSelect.Value />
          </span>
          <RadixSelect.Icon className="text-slate-500">
            <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
              <path d="M5.5 7.5 10 12l4.5-4.5 1 1L10 14 4.5 8.5z" />
            </svg>
          </RadixSelect.Icon>
        </RadixSelect.Trigger>
        <RadixSelect.Portal>
          <RadixSelect.Content
            position="popper"
            sideOffset={4}
            className="z-50 max-h-[var(--radix-select-content-available-height)] min-w-[var(--radix-select-trigger-width)] overflow-hidden rounded-md bg-white shadow-lg ring-1 ring-slate-200"
          >
            <RadixSelect.Viewport className="p-1">
              {all.map((option) => (
                <RadixSelect.Item
                  key={option.value}
                  value={option.value}
                  className="relative flex cursor-pointer items-center rounded px-7 py-1.5 text-sm text-slate-800 outline-none select-none data-[highlighted]:bg-indigo-50 data-[highlighted]:text-indigo-900"
                >
                  <RadixSelect.ItemIndicator className="absolute left-2 text-indigo-600">
                    ✓
                  </RadixSelect.ItemIndicator>
                  <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
                </RadixSelect.Item>
              ))}
            </RadixSelect.Viewport>
          </RadixSelect.Content>
        </RadixSelect.Portal>
      </RadixSelect.Root>
    </>
  );
}
