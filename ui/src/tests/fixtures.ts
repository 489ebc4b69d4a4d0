import type { Channel } from "../bindings/Channel";
import type { ChannelSummary } from "../bindings/ChannelSummary";

export function channel(overrides: Partial<Channel> = {}): Channel {
  return {
    id: 1,
    name: "Nacka kommun på Facebook",
    platform: "facebook",
    urls: ["https://www.facebook.com/nackakommun"],
    board: "Kommunstyrelsen",
    unit: "Kommunikationsenheten",
    responsible: "Åsa Öberg",
    substitute: "Erik Ek",
    purpose: null,
    audience: null,
    policy: null,
    status: "active",
    created_at: "2026-03-01T09:00:00Z",
    closing_started_at: null,
    closed_at: null,
    notes: null,
    ...overrides,
  };
}

export function summary(c: Channel, overrides: Partial<ChannelSummary> = {}): ChannelSummary {
  return {
    channel: c,
    last_snapshot_at: null,
    last_snapshot_status: null,
    last_complete_at: null,
    snapshot_count: 0,
    ...overrides,
  };
}
