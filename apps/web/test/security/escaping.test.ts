// User-supplied strings (tool descriptions from an untrusted upstream, call log content) are
// rendered as text: a <script> or <img onerror> comes out escaped, never as markup.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type CatalogueRow, CatalogueTable } from "../../src/app/(app)/servers/[serverId]/catalogue-table";
import { LogRow } from "../../src/components/log-row";

const script = "<script>alert(document.cookie)</script>";
const image = '<img src=x onerror="alert(1)">';

const tool: CatalogueRow = {
  id: "tool_1",
  name: `Evil${image}`,
  description: `Lists VMs. ${script} ${image}`,
  category: "Read",
  risk: "Low",
  riskReason: `name says read ${image}`,
  overridden: false,
  classified: { category: "Read", risk: "Low" },
  pinState: "quarantined",
  schemaText: JSON.stringify({ description: script }),
  annotationsText: JSON.stringify({ title: image }),
  changes: [{ path: "/description", before: JSON.stringify(script), after: JSON.stringify(image) }],
  policy: { state: "denied", rule: `/tools/${image}` },
};

function expectEscaped(html: string) {
  // (React adds its own inline <script> for form replay; the payloads must only appear as text.)
  expect(html).not.toContain("<script>alert(document.cookie)");
  expect(html).not.toContain("<img");
  expect(html).not.toContain('onerror="');
  expect(html).toContain("&lt;script&gt;alert(document.cookie)");
  expect(html).toContain("&lt;img src=x onerror=");
}

describe("rendering untrusted strings", () => {
  it("escapes tool names, descriptions, schemas, annotations, diffs and rules in the catalogue", () => {
    const html = renderToStaticMarkup(
      createElement(CatalogueTable, { serverId: "srv_1", tools: [tool], canOverride: true, canAccept: true }),
    );
    expectEscaped(html);
  });

  it("escapes call log content (tool, rule, message, grant label)", () => {
    const html = renderToStaticMarkup(
      createElement(
        "table",
        null,
        createElement(
          "tbody",
          null,
          createElement(LogRow, {
            row: {
              id: "req_1",
              createdAt: new Date(),
              grantLabel: image,
              serverId: "srv_1",
              method: "tools/call",
              tool: image,
              decision: "deny",
              rule: script,
              message: `[POLICY DENIED] ${script}`,
              policyVersion: 1,
              upstreamStatus: null,
              latencyMs: 1,
            },
            serverName: image,
            detailHref: "/logs?entry=req_1",
          }),
        ),
      ),
    );
    expectEscaped(html);
  });
});
