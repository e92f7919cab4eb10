import BotCodecs
import Foundation

extension CoreConfigLoader {
    static func readReporting(_ top: YAMLMapping?, _ reader: ConfigReader) -> ReportingConfig {
        guard
            let map = reader.section(
                top, "reporting", at: "",
                known: [
                    "daily_report_time_utc", "weekly_report_day", "retention_months", "smoke_archive_upload",
                    "paper_smoke_json_sync",
                ])
        else { return .empty }
        return ReportingConfig(
            dailyReportTimeUTC: reader.optionalText(map, "daily_report_time_utc", at: "reporting"),
            weeklyReportDay: reader.optionalText(map, "weekly_report_day", at: "reporting"),
            retentionMonths: reader.optionalText(map, "retention_months", at: "reporting"),
            smokeArchiveUpload: readUpload(
                map, "smoke_archive_upload", pattern: "{environment}_{date}_{hash}.zip", reader),
            paperSmokeJSONSync: readUpload(map, "paper_smoke_json_sync", pattern: "{environment}_{date}.jsonl", reader))
    }

    /// An upload section; absent → nil, but an empty mapping is read (and fails: the default local backend
    /// needs a directory), as in the reference.
    static func readUpload(_ parent: YAMLMapping, _ key: String, pattern: String, _ reader: ConfigReader)
        -> ArtifactUploadConfig?
    {
        let path = "reporting".child(key)
        guard
            let map = reader.section(
                parent, key, at: "reporting", known: ["backend", "type", "credential_secret", "local", "s3"])
        else { return nil }
        let backendKey = map["backend"] != nil ? "backend" : "type"
        let backendText = (reader.string(map, backendKey, at: path) ?? "local").trimmingCharacters(in: .whitespaces)
            .lowercased()
        if backendText == "disabled" || backendText == "none" { return nil }
        guard let backend = ArtifactUploadConfig.Backend(rawValue: backendText) else {
            reader.error(path.child(backendKey), "unknown backend '\(backendText)' (known: local, s3, disabled)")
            return nil
        }
        let localMap = reader.section(map, "local", at: path, known: ["directory", "filename_pattern", "fsync"])
        let s3Map = reader.section(
            map, "s3", at: path, known: ["bucket", "prefix", "endpoint_url", "region", "use_ssl", "extra_args"])
        var local: LocalUploadConfig?
        var s3: S3UploadConfig?
        let localPath = path.child("local")
        let s3Path = path.child("s3")
        if backend == .local || localMap != nil {
            let directory = reader.optionalText(localMap, "directory", at: localPath)
            if directory == nil, backend == .local {
                reader.error(
                    localMap == nil ? path : localPath,
                    localMap == nil
                        ? "the local backend needs 'local: {directory: …}'" : "missing required key 'directory'")
            }
            local = directory.map {
                LocalUploadConfig(
                    directory: $0,
                    filenamePattern: reader.optionalText(localMap, "filename_pattern", at: localPath) ?? pattern,
                    fsync: reader.bool(localMap, "fsync", at: localPath) ?? false)
            }
        }
        if backend == .s3 || s3Map != nil {
            let bucket = reader.optionalText(s3Map, "bucket", at: s3Path)
            if bucket == nil, backend == .s3 {
                reader.error(
                    s3Map == nil ? path : s3Path,
                    s3Map == nil ? "the s3 backend needs 's3: {bucket: …}'" : "missing required key 'bucket'")
            }
            s3 = bucket.map {
                S3UploadConfig(
                    bucket: $0, objectPrefix: reader.optionalText(s3Map, "prefix", at: s3Path),
                    endpointURL: reader.optionalText(s3Map, "endpoint_url", at: s3Path),
                    region: reader.optionalText(s3Map, "region", at: s3Path),
                    useSSL: reader.bool(s3Map, "use_ssl", at: s3Path) ?? true,
                    extraArgs: Dictionary(
                        reader.textPairs(s3Map, "extra_args", at: s3Path), uniquingKeysWith: { first, _ in first }))
            }
        }
        return ArtifactUploadConfig(
            backend: backend, credentialSecret: reader.optionalText(map, "credential_secret", at: path), local: local,
            s3: s3)
    }

    static func readAlerts(_ top: YAMLMapping?, _ reader: ConfigReader) -> AlertsConfig {
        let sections = AlertsConfig.channelTypes.map(AlertsConfig.section(ofType:))
        let alerts = reader.section(top, "alerts", at: "", known: sections)
        func entries<Channel>(
            _ section: String, known: [String], _ build: (String, YAMLMapping, String) -> Channel?
        ) -> [Channel] {
            let path = "alerts".child(section)
            return reader.named(reader.section(alerts, section, at: "alerts"), at: path).compactMap {
                key, node, entryPath in
                guard let map = reader.mapping(node, at: entryPath, known: known) else {
                    reader.error(
                        entryPath, "a channel needs its settings (\(known.joined(separator: ", ")))", at: node.mark)
                    return nil
                }
                return build(key, map, entryPath)
            }
        }
        let telegram: [TelegramChannelConfig] = entries(
            "telegram_channels", known: ["chat_id", "token_secret", "parse_mode"]
        ) { key, map, path in
            let chat = reader.string(map, "chat_id", at: path, required: true)
            let token = reader.string(map, "token_secret", at: path, required: true)
            guard let chat, let token else { return nil }
            return TelegramChannelConfig(
                key: key, chatID: chat, tokenSecret: token,
                parseMode: reader.string(map, "parse_mode", at: path) ?? "MarkdownV2")
        }
        let email: [EmailChannelConfig] = entries(
            "email_channels", known: ["host", "port", "from_address", "recipients", "credential_secret", "use_tls"]
        ) { key, map, path in
            let host = reader.string(map, "host", at: path, required: true)
            let from = reader.string(map, "from_address", at: path, required: true)
            guard let host, let from else { return nil }
            return EmailChannelConfig(
                key: key, host: host, port: reader.int(map, "port", at: path) ?? 587, fromAddress: from,
                recipients: reader.strings(map, "recipients", at: path),
                credentialSecret: reader.optionalText(map, "credential_secret", at: path),
                useTLS: reader.bool(map, "use_tls", at: path) ?? true)
        }
        let sms: [SMSProviderConfig] = entries(
            "sms_providers",
            known: [
                "provider", "api_base_url", "from_number", "recipients", "allow_alphanumeric_sender", "sender_id",
                "credential_key",
            ]
        ) { key, map, path in
            let provider = reader.string(map, "provider", at: path, required: true)
            let base = reader.string(map, "api_base_url", at: path, required: true)
            let from = reader.string(map, "from_number", at: path, required: true)
            guard let provider, let base, let from else { return nil }
            return SMSProviderConfig(
                key: key, providerKey: provider, apiBaseURL: base, fromNumber: from,
                recipients: reader.strings(map, "recipients", at: path),
                allowAlphanumericSender: reader.bool(map, "allow_alphanumeric_sender", at: path) ?? false,
                senderID: reader.optionalText(map, "sender_id", at: path),
                credentialKey: reader.optionalText(map, "credential_key", at: path))
        }
        let signal: [SignalChannelConfig] = entries(
            "signal_channels", known: ["service_url", "sender_number", "recipients", "credential_secret", "verify_tls"]
        ) { key, map, path in
            let service = reader.string(map, "service_url", at: path, required: true)
            let sender = reader.string(map, "sender_number", at: path, required: true)
            guard let service, let sender else { return nil }
            return SignalChannelConfig(
                key: key, serviceURL: service, senderNumber: sender,
                recipients: reader.strings(map, "recipients", at: path),
                credentialSecret: reader.optionalText(map, "credential_secret", at: path),
                verifyTLS: reader.bool(map, "verify_tls", at: path) ?? true)
        }
        func meta(_ section: String, idKey: String) -> [MetaChannelConfig] {
            entries(section, known: [idKey, "recipients", "token_secret", "api_base_url", "api_version"]) {
                key, map, path in
                let id = reader.string(map, idKey, at: path, required: true)
                let token = reader.string(map, "token_secret", at: path, required: true)
                guard let id, let token else { return nil }
                return MetaChannelConfig(
                    key: key, senderID: id, recipients: reader.strings(map, "recipients", at: path), tokenSecret: token,
                    apiBaseURL: reader.optionalText(map, "api_base_url", at: path) ?? "https://graph.facebook.com",
                    apiVersion: reader.optionalText(map, "api_version", at: path) ?? "v16.0")
            }
        }
        return AlertsConfig(
            telegram: telegram, email: email, sms: sms, signal: signal,
            whatsapp: meta("whatsapp_channels", idKey: "phone_number_id"),
            messenger: meta("messenger_channels", idKey: "page_id"))
    }

    static func readCoverageMonitoring(_ top: YAMLMapping?, _ reader: ConfigReader) -> CoverageMonitoringConfig? {
        let path = "coverage_monitoring"
        guard
            let map = reader.section(
                top, path, at: "", known: ["enabled", "default_dispatch", "default_category", "targets"]),
            !map.isEmpty
        else { return nil }
        var targets: [CoverageTarget] = []
        if let items = map["targets"]?.array {
            for (index, item) in items.enumerated() {
                let targetPath = path.child("targets").element(index)
                reader.recordElement(item, at: targetPath)
                guard item.mapping != nil else {
                    reader.warning(
                        targetPath, "a target must be a mapping with 'environment'; it is skipped", at: item.mark)
                    continue
                }
                let target = reader.mapping(
                    item, at: targetPath, known: ["environment", "dispatch", "category", "severity_override"])
                guard let environment = reader.optionalText(target, "environment", at: targetPath) else {
                    reader.warning(targetPath, "a target without 'environment' is skipped", at: item.mark)
                    continue
                }
                targets.append(
                    CoverageTarget(
                        environment: environment, dispatch: reader.bool(target, "dispatch", at: targetPath),
                        category: reader.optionalText(target, "category", at: targetPath),
                        severityOverride: reader.optionalText(target, "severity_override", at: targetPath)))
            }
        } else if let targets = map["targets"], !targets.isNull {
            reader.error(
                path.child("targets"), "expected a list of targets, found \(ConfigReader.kind(of: targets.value))")
        }
        return CoverageMonitoringConfig(
            enabled: reader.bool(map, "enabled", at: path) ?? true,
            defaultDispatch: reader.bool(map, "default_dispatch", at: path) ?? true,
            defaultCategory: reader.optionalText(map, "default_category", at: path) ?? "data.ohlcv", targets: targets)
    }
}
