"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OverviewPoint } from "@/server/overview/get-overview";

const series = [
  { key: "calls", name: "Calls", color: "#6366f1" },
  { key: "denied", name: "Denied", color: "#dc2626" },
  { key: "rateLimited", name: "Rate-limited", color: "#ea580c" },
  { key: "sentForApproval", name: "Sent for approval", color: "#7c3aed" },
  { key: "errors", name: "Upstream errors", color: "#be185d" },
] as const;

const hourFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** Calls and their outcomes per time bucket. */
export function OverviewChart({ points, daily }: { points: OverviewPoint[]; daily: boolean }) {
  const format = (value: string) => (daily ? dayFormat : hourFormat).format(new Date(value));
  return (
    <div className="h-72 w-full" data-testid="overview-chart">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="at" tickFormatter={format} fontSize={12} minTickGap={24} />
          <YAxis allowDecimals={false} fontSize={12} width={48} />
          <Tooltip labelFormatter={(value) => `${format(String(value))} UTC`} />
          <Legend />
          {series.map((line) => (
            <Area
              key={line.key}
              type="monotone"
              dataKey={line.key}
              name={line.name}
              stroke={line.color}
              fill={line.color}
              fillOpacity={line.key === "calls" ? 0.08 : 0.2}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
