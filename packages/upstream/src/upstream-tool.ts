import { z } from "zod";

/** A tool as an upstream server describes it in `tools/list` (the fields Toolgate keeps). */
export const upstreamToolSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  inputSchema: z.looseObject({ type: z.literal("object") }),
  annotations: z.looseObject({}).optional(),
});
export type UpstreamTool = z.infer<typeof upstreamToolSchema>;
