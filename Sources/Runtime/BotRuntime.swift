// BotRuntime: configuration, bootstrap, the trading controller, journal, reporting, metrics and every
// tool's command type. Tools are one-line executables over the command types defined here.
