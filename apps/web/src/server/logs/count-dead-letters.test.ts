import { insertCallLogDeadLetters } from "@toolgate/db";
import { afterAll, describe, expect, it } from "vitest";
import { newTenant, testDb } from "../../../test/test-tenant";
import { countDeadLetters } from "./count-dead-letters";

const db = testDb();
afterAll(() => db.$disconnect());

describe("countDeadLetters", () => {
  it("counts the tenant's own dead-lettered call records only", async () => {
    const a = await newTenant(db, "a");
    const b = await newTenant(db, "b");
    const letter = (tenantId: string, n: number) => ({
      tenantId,
      recordId: `req_${n}`,
      reason: 'invalid byte sequence for encoding "UTF8": 0x00',
      payload: "{}",
    });
    await insertCallLogDeadLetters(db, [letter(a.tenantId, 1), letter(a.tenantId, 2), letter(b.tenantId, 3)]);
    expect(await countDeadLetters(db, a.ctx)).toBe(2);
    expect(await countDeadLetters(db, b.ctx)).toBe(1);
  });
});
