extension ZIPWriter {
    /// Refuses names that could write outside the extraction folder or that tools read differently.
    static func validate(name: String) throws(ZIPError) {
        func unsafe(_ reason: String) -> ZIPError { .unsafeName(name, reason: reason) }
        guard !name.isEmpty else { throw unsafe("the name is empty") }
        guard name.utf8.count <= Int(UInt16.max) else { throw unsafe("longer than 65535 bytes") }
        guard !name.contains("\\") else { throw unsafe("contains a backslash") }
        guard !name.utf8.contains(0) else { throw unsafe("contains a NUL character") }
        guard !name.hasPrefix("/") else { throw unsafe("an absolute path") }
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        if let first = components.first, first.count == 2, first.last == ":", first.first?.isLetter == true {
            throw unsafe("starts with a drive letter")
        }
        for component in components {
            switch component {
            case "": throw unsafe("has an empty path component (a doubled or trailing '/')")
            case ".": throw unsafe("has a '.' component")
            case "..": throw unsafe("has a '..' component")
            default: continue
            }
        }
    }
}
