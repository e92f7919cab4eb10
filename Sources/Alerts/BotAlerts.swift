// BotAlerts: alert messages, the router, throttling, the audit log and the delivery channels. Its types
// arrive with the market-data issue (router, throttle, audit) and the alerts issue (HTTP channels).
