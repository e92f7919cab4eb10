// BotExchanges: the trading models (Candle, Order, AccountSnapshot…), the five venue adapters, request
// signing, rate limits and environments. Its types arrive with the market-data issue.
