import { describe, expect, it } from "vitest";
import { installationNamespace } from "./installation-namespace";

describe("installationNamespace", () => {
  it("is the same for the same database whatever the credentials or localhost spelling", () => {
    expect(installationNamespace("postgresql://postgres@localhost:5432/toolgate")).toBe(
      installationNamespace("postgresql://app:secret@127.0.0.1/toolgate?sslmode=disable"),
    );
  });

  it("differs between databases, ports and hosts", () => {
    const names = new Set(
      [
        "postgresql://postgres@127.0.0.1:5432/toolgate",
        "postgresql://postgres@127.0.0.1:5432/toolgate_two",
        "postgresql://postgres@127.0.0.1:5433/toolgate",
        "postgresql://postgres@db.internal:5432/toolgate",
      ].map((url) => installationNamespace(url)),
    );
    expect(names.size).toBe(4);
  });

  it("takes an explicit namespace as it is", () => {
    expect(installationNamespace("postgresql://postgres@127.0.0.1/toolgate", "prod-eu")).toBe("prod-eu");
  });
});
