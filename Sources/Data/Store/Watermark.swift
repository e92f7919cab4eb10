/// How far delivery of a series has got: every candle up to and including ``highWaterOpenTime`` has been
/// delivered, so a resumed run starts after it (seed 003).
public struct Watermark: Sendable, Hashable {
    /// The series.
    public let series: SeriesKey
    /// The newest delivered open time (epoch ms).
    public let highWaterOpenTime: Int64
    /// When it last moved (epoch ms).
    public let updatedAt: Int64
}
