import { canonicalToolName } from "./canonical-name";

describe("canonicalToolName", () => {
  it.each([
    ["MountIso", "mountiso"],
    ["  Mount Iso\t", "mountiso"],
    ["ＭｏｕｎｔＩｓｏ", "mountiso"],
    ["Mount\u200bIso\u2060", "mountiso"],
    ["\ufeffmount\u00adiso", "mountiso"],
    ["Cafe\u0301", "café"],
    ["ﬁle_read", "file_read"],
    ["vm_management", "vm_management"],
    ["Delete*", "delete*"],
    ["ＤＥＬＥＴＥ＊", "delete*"],
  ])("%j → %j", (name, canonical) => {
    expect(canonicalToolName(name)).toBe(canonical);
  });

  it("keeps punctuation that names differ by", () => {
    expect(new Set(["mount_iso", "mount-iso", "mount.iso", "mountiso"].map(canonicalToolName)).size).toBe(4);
  });
});
