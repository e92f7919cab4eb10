// BotSecurity: credentials and permissions, secret storages (age v1 file, OS keychain), the secret
// manager and the key rotation registry. It builds on BotCodecs and BotCrypto; its types arrive with
// the secrets issue. This file keeps the module in the package graph so the layer order is enforced now.
