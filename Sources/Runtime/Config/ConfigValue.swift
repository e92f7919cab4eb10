import BotCodecs

/// A value kept as written for consumers that read settings of their own (`adapter_settings`,
/// S3 `extra_args`), together with where it was written.
public typealias ConfigValue = YAMLNode
