import { z } from "zod";

/** A resource as an upstream server describes it in `resources/list` (the fields Toolgate keeps). */
export const upstreamResourceSchema = z.object({
  uri: z.string().min(1),
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  mimeType: z.string().optional(),
  annotations: z.looseObject({}).optional(),
});
export type UpstreamResource = z.infer<typeof upstreamResourceSchema>;

/** A resource template as listed by `resources/templates/list`. */
export const upstreamResourceTemplateSchema = z.object({
  uriTemplate: z.string().min(1),
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  mimeType: z.string().optional(),
  annotations: z.looseObject({}).optional(),
});
export type UpstreamResourceTemplate = z.infer<typeof upstreamResourceTemplateSchema>;

/** A prompt as listed by `prompts/list`. */
export const upstreamPromptSchema = z.object({
  name: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  arguments: z
    .array(
      z.object({ name: z.string(), description: z.string().optional(), required: z.boolean().optional() }),
    )
    .optional(),
});
export type UpstreamPrompt = z.infer<typeof upstreamPromptSchema>;
