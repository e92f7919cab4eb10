// BotCrypto: hashes, MACs, key derivation, authenticated encryption and the age v1 file format, written
// against their RFC/FIPS specifications and tested with the published vectors and the `age` tool.
