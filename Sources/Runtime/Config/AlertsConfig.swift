/// `alerts`: the channel definitions that environments name in `alert_channels` as `"<type>:<key>"`.
/// Secrets are referenced by name only (`token_secret`, `credential_secret`, `credential_key`).
public struct AlertsConfig: Sendable, Equatable {
    /// `telegram_channels`.
    public let telegram: [TelegramChannelConfig]
    /// `email_channels`.
    public let email: [EmailChannelConfig]
    /// `sms_providers`.
    public let sms: [SMSProviderConfig]
    /// `signal_channels`.
    public let signal: [SignalChannelConfig]
    /// `whatsapp_channels`.
    public let whatsapp: [MetaChannelConfig]
    /// `messenger_channels`.
    public let messenger: [MetaChannelConfig]

    /// The channel types an `alert_channels` reference may name.
    public static let channelTypes = ["telegram", "email", "sms", "signal", "whatsapp", "messenger"]

    /// The keys defined for channel `type` (lower case, one of ``channelTypes``), in file order.
    public func keys(ofType type: String) -> [String] {
        switch type {
        case "telegram": telegram.map(\.key)
        case "email": email.map(\.key)
        case "sms": sms.map(\.key)
        case "signal": signal.map(\.key)
        case "whatsapp": whatsapp.map(\.key)
        case "messenger": messenger.map(\.key)
        default: []
        }
    }

    /// The `alerts` section a channel type is defined in (`telegram_channels`).
    public static func section(ofType type: String) -> String {
        type == "sms" ? "sms_providers" : "\(type)_channels"
    }
}

/// `alerts.telegram_channels.<key>`.
public struct TelegramChannelConfig: Sendable, Equatable {
    /// The map key.
    public let key: String
    /// `chat_id` (text, even when it looks like a number).
    public let chatID: String
    /// `token_secret`: the secret holding the bot token.
    public let tokenSecret: String
    /// `parse_mode`, default `MarkdownV2`.
    public let parseMode: String
}

/// `alerts.email_channels.<key>`.
public struct EmailChannelConfig: Sendable, Equatable {
    /// The map key.
    public let key: String
    /// `host`.
    public let host: String
    /// `port`, default 587.
    public let port: Int
    /// `from_address`.
    public let fromAddress: String
    /// `recipients`.
    public let recipients: [String]
    /// `credential_secret`: the secret holding `{"username","password"}`.
    public let credentialSecret: String?
    /// `use_tls`, default true.
    public let useTLS: Bool
}

/// `alerts.sms_providers.<key>`.
public struct SMSProviderConfig: Sendable, Equatable {
    /// The map key.
    public let key: String
    /// `provider`: the catalogue entry (`orange_pl`).
    public let providerKey: String
    /// `api_base_url`.
    public let apiBaseURL: String
    /// `from_number`.
    public let fromNumber: String
    /// `recipients`.
    public let recipients: [String]
    /// `allow_alphanumeric_sender`, default false.
    public let allowAlphanumericSender: Bool
    /// `sender_id`.
    public let senderID: String?
    /// `credential_key`: the secret holding the provider credentials.
    public let credentialKey: String?
}

/// `alerts.signal_channels.<key>`.
public struct SignalChannelConfig: Sendable, Equatable {
    /// The map key.
    public let key: String
    /// `service_url`.
    public let serviceURL: String
    /// `sender_number`.
    public let senderNumber: String
    /// `recipients`.
    public let recipients: [String]
    /// `credential_secret`: the secret holding the bearer token.
    public let credentialSecret: String?
    /// `verify_tls`, default true.
    public let verifyTLS: Bool
}

/// `alerts.whatsapp_channels.<key>` and `alerts.messenger_channels.<key>` (Meta Graph API).
public struct MetaChannelConfig: Sendable, Equatable {
    /// The map key.
    public let key: String
    /// `phone_number_id` (WhatsApp) or `page_id` (Messenger).
    public let senderID: String
    /// `recipients`.
    public let recipients: [String]
    /// `token_secret`.
    public let tokenSecret: String
    /// `api_base_url`, default `https://graph.facebook.com`.
    public let apiBaseURL: String
    /// `api_version`, default `v16.0`.
    public let apiVersion: String
}
