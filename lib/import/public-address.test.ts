import { describe, expect, it } from "vitest";

import { checkAddress, isPublicAddress } from "./public-address";

describe("checkAddress", () => {
  it.each([
    ["8.8.8.8"],
    ["1.1.1.1"],
    ["93.184.216.34"],
    ["172.32.0.1"],
    ["100.128.0.1"],
    ["2606:4700:4700::1111"],
    ["2001:4860:4860::8888"],
    ["::ffff:8.8.8.8"],
    ["64:ff9b::808:808"],
    ["[2606:4700:4700::1111]"],
  ])("allows the public address %s", (address) => {
    expect(checkAddress(address).isPublic).toBe(true);
  });

  it.each([
    ["10.0.0.5", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["100.127.255.255", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["240.0.0.1", "reserved"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fd00::1", "uniqueLocal"],
    ["fc00::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "linkLocal"],
    ["::ffff:100.64.0.1", "carrierGradeNat"],
    ["::ffff:0.0.0.0", "unspecified"],
    // IPv4-compatible (deprecated) form, as URLs and DNS write it.
    ["::7f00:1", "reserved"],
    ["::808:808", "reserved"],
    ["64:ff9b::a00:1", "private"],
    ["64:ff9b::7f00:1", "loopback"],
    ["2002:7f00:1::", "6to4"],
    ["2001::1", "teredo"],
    ["2001:db8::1", "reserved"],
    ["not-an-ip", "invalid"],
    ["localhost", "invalid"],
  ])("refuses %s (%s)", (address, range) => {
    const check = checkAddress(address);

    expect(check.isPublic).toBe(false);
    expect(check).toMatchObject({ range });
  });

  it("describes why an address is refused", () => {
    expect(checkAddress("10.0.0.5")).toMatchObject({ description: "a private network" });
    expect(checkAddress("169.254.169.254")).toMatchObject({
      description: expect.stringContaining("cloud metadata") as unknown,
    });
    expect(checkAddress("::ffff:127.0.0.1")).toMatchObject({
      address: "::ffff:127.0.0.1",
      description: expect.stringContaining("loopback") as unknown,
    });
  });

  it("refuses the dotted IPv4-compatible form too", () => {
    expect(checkAddress("::127.0.0.1").isPublic).toBe(false);
  });

  it("offers a boolean shorthand", () => {
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("192.168.0.10")).toBe(false);
  });
});
