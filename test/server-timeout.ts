/** Tiers that talk to servers (Temporal included) wait on them longer than unit tests. */
jest.setTimeout(60_000);
