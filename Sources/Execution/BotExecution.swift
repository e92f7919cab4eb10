// BotExecution: the execution service protocol, the paper execution simulator, its ledger and the retry
// policy. Its types arrive with the paper-trading issue.
