import { z } from "zod";
import { policyObjectSchema } from "./schema/policy-schema";

/** JSON Schema (draft 2020-12) of the policy document, for editors and the dashboard's JSON pane. */
export const policyJsonSchema: object = z.toJSONSchema(policyObjectSchema, {
  target: "draft-2020-12",
  io: "input",
});
