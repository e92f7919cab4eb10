// BotRisk: risk profiles, the pre-trade risk engine and its persisted state. Its types arrive with the
// paper-trading issue.
