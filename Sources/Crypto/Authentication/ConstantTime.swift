import Foundation

/// Comparisons whose running time does not depend on where the inputs differ, for tags and MACs.
public enum ConstantTime {
    /// Whether `lhs` and `rhs` hold the same bytes. The time taken depends only on the lengths.
    public static func equals(_ lhs: some DataProtocol, _ rhs: some DataProtocol) -> Bool {
        let left = Array(lhs)
        let right = Array(rhs)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
