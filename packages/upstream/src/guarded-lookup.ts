import { lookup } from "node:dns";
import type { LookupFunction } from "node:net";
import { type AddressPolicy, assertAllowedAddress } from "./check-upstream-url";

/**
 * A DNS lookup for sockets that refuses blocked addresses at connect time, so a host name whose
 * answer changes between the URL check and the connection (DNS rebinding) is still refused.
 */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      try {
        for (const { address } of addresses) assertAllowedAddress(address, hostname, policy);
      } catch (blocked) {
        return callback(blocked instanceof Error ? blocked : new Error(String(blocked)), "");
      }
      const [first] = addresses;
      if (options.all) return callback(null, addresses);
      if (first === undefined) return callback(new Error(`No address for ${hostname}`), "");
      callback(null, first.address, first.family);
    });
  };
}
