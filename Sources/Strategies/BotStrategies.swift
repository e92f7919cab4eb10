// BotStrategies: the Strategy protocol users implement and the daily-trend momentum strategy. Its types
// arrive with the paper-trading issue.
