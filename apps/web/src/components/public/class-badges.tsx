import type { RiskClass } from "@toolgate/policy-core";
import { Badge } from "@/components/badge";
import { toneFor } from "@/components/tones";

/** A tool's category and risk as two badges ("Write", "Medium risk"). */
export function ClassBadges({ riskClass }: { riskClass: Pick<RiskClass, "category" | "risk"> }) {
  return (
    <span className="inline-flex gap-1">
      <Badge tone={toneFor(riskClass.category)}>{riskClass.category}</Badge>
      <Badge tone={toneFor(riskClass.risk)}>{riskClass.risk} risk</Badge>
    </span>
  );
}
