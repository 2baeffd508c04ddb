import type { WebhookEvent } from "./webhook-event";

type SlackBlock = Record<string, unknown>;

/** A Slack incoming-webhook body: fallback `text` plus Block Kit `blocks`. */
export type SlackMessage = { text: string; blocks: SlackBlock[] };

const str = (value: unknown): string => (typeof value === "string" ? value : "");

// Slack mrkdwn treats these three characters specially; everything else is shown as is.
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function code(text: string): string {
  return `\`${escapeMrkdwn(text).replace(/`/g, "'")}\``;
}

function headline(event: WebhookEvent): string {
  const d = event.data;
  switch (event.type) {
    case "call.denied":
      return `Call denied: ${code(str(d.tool))} for grant ${code(str(d.grantLabel))} (rule ${code(str(d.rule))})`;
    case "call.rate_limited":
      return `Call rate-limited: ${code(str(d.tool))} for grant ${code(str(d.grantLabel))} (rule ${code(str(d.rule))})`;
    case "approval.requested":
      return `Approval needed: ${code(str(d.tool))} on ${code(str(d.serverName))} for grant ${code(str(d.grantLabel))}`;
    case "approval.decided":
      return `Approval ${escapeMrkdwn(str(d.status))}: ${code(str(d.tool))}${d.decidedBy ? ` by ${escapeMrkdwn(str(d.decidedBy))}` : ""}`;
    case "tool.quarantined":
      return `Tool quarantined: ${code(str(d.tool))} changed its definition on ${code(str(d.serverName))}`;
    case "policy.published":
      return `Policy version ${escapeMrkdwn(String(d.version ?? ""))} published for ${code(str(d.serverName))}`;
    case "grant.created":
      return `Grant created: ${code(str(d.label))}`;
    case "grant.revoked":
      return `Grant revoked: ${code(str(d.label))}`;
    case "webhook.test":
      return "Test event from Toolgate: this endpoint is connected.";
  }
}

/** Formats an event for a Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat…). */
export function slackMessage(event: WebhookEvent): SlackMessage {
  const text = headline(event);
  const blocks: SlackBlock[] = [{ type: "section", text: { type: "mrkdwn", text } }];
  const d = event.data;
  if (event.type === "approval.requested") {
    const args = JSON.stringify(d.arguments ?? {}, null, 2);
    blocks.push({
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*Rule*\n${code(str(d.rule))}` },
        { type: "mrkdwn", text: `*Expires*\n${escapeMrkdwn(str(d.expiresAt))}` },
      ],
    });
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `*Arguments*\n\`\`\`${escapeMrkdwn(args)}\`\`\`` },
    });
    const links = (d.links ?? {}) as Record<string, unknown>;
    const buttons = [
      { label: "Approve", url: str(links.approve), style: "primary" },
      { label: "Deny", url: str(links.deny), style: "danger" },
    ].filter((button) => button.url !== "");
    if (buttons.length > 0) {
      blocks.push({
        type: "actions",
        elements: buttons.map((button) => ({
          type: "button",
          text: { type: "plain_text", text: button.label },
          url: button.url,
          style: button.style,
        })),
      });
    }
  } else if (str(d.message) !== "") {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(str(d.message)) }] });
  }
  return { text, blocks };
}
